using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>
    /// An independent MQTTnet client (MQTT 3.1.1) on the benchmark's side of the broker: one sends the commands,
    /// another receives the baseline messages. Its calls block: they are made from the measuring (main) thread,
    /// which is not a thread-pool thread, so waiting on it takes nothing from MQTTnet's I/O. Every wait is bounded.
    /// </summary>
    public sealed class ObserverClient : IDisposable
    {
        private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);
        private readonly IMqttClient _client;

        public ObserverClient(string host, int port, string clientId)
        {
            _client = new MqttClientFactory().CreateMqttClient();
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithClientId(clientId)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithCleanSession()
                .Build();
            Bounded(token => _client.ConnectAsync(options, token));
        }

        /// <summary>Subscribes at QoS 1; <paramref name="onMessage"/> gets each payload on MQTTnet's receive path.</summary>
        public void Subscribe(string topic, Action<string> onMessage)
        {
            _client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Topic == topic)
                {
                    onMessage(e.ApplicationMessage.ConvertPayloadToString());
                }

                return Task.CompletedTask;
            };
            MqttClientSubscribeOptions options = new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            Bounded(token => _client.SubscribeAsync(options, token));
        }

        /// <summary>Publishes at QoS 1, not retained; returns once the broker acknowledged it (PUBACK).</summary>
        public void Publish(MqttApplicationMessage message)
        {
            Bounded(token => _client.PublishAsync(message, token));
        }

        public static MqttApplicationMessage Message(string topic, string payload)
        {
            return new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
        }

        public void Dispose()
        {
            try
            {
                Bounded(token => _client.DisconnectAsync(new MqttClientDisconnectOptions(), token));
            }
            catch (Exception)
            {
                // The broker may already be gone; the client is discarded either way.
            }

            _client.Dispose();
        }

        private static void Bounded(Func<CancellationToken, Task> operation)
        {
            using CancellationTokenSource timeout = new CancellationTokenSource(OperationTimeout);
            operation(timeout.Token).GetAwaiter().GetResult();
        }
    }
}
