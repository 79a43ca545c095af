using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.HostTestKit
{
    /// <summary>
    /// An independent MQTT client (MQTTnet, 3.1.1) that watches a node the way a user's dashboard would: it records
    /// every message under a filter and lets a test wait, with a bound, for the one it expects. Its calls block, each
    /// bounded; a bench calls them from its measuring (main) thread, which is not a thread-pool thread, so waiting on it
    /// takes nothing from MQTTnet's I/O.
    /// </summary>
    public sealed class Observer : IDisposable
    {
        private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);
        private static int _clients;
        private readonly IMqttClient _client;
        private readonly List<Received> _received = new List<Received>();

        private Observer(IBroker broker, string user = null, string password = null, X509Certificate2 ca = null, string persistentClientId = null, Action<Received> onArrival = null)
        {
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                Received received = new Received(e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString() ?? "", e.ApplicationMessage.Retain);
                onArrival?.Invoke(received);
                lock (_received)
                {
                    _received.Add(received);
                    Monitor.PulseAll(_received);
                }

                return Task.CompletedTask;
            };
            MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId(persistentClientId ?? "observer-" + Interlocked.Increment(ref _clients) + "-" + Environment.ProcessId)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithCleanSession(persistentClientId == null);
            if (user != null)
            {
                builder = builder.WithCredentials(user, password ?? "");
            }

            if (ca != null)
            {
                // MQTTnet's own check, not the simulator's: the broker's chain must end at this CA and name the host.
                builder = builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost(broker.Host).WithTrustChain(new X509Certificate2Collection(ca)));
            }

            try
            {
                MqttClientConnectResult result = null;
                Bounded(async token => result = await _client.ConnectAsync(builder.Build(), token));
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException("the broker refused the connection: " + result.ResultCode);
                }
            }
            catch
            {
                _client.Dispose();
                throw;
            }
        }

        /// <summary>Connects and subscribes to <paramref name="filter"/> (QoS 1).</summary>
        public static Observer Watch(IBroker broker, string filter)
        {
            return Watch(broker, filter, null, null);
        }

        /// <summary>Logs in as <paramref name="user"/> (none when null), connects and subscribes to <paramref name="filter"/> (QoS 1).</summary>
        public static Observer Watch(IBroker broker, string filter, string user, string password)
        {
            return new Observer(broker, user, password).Subscribe(filter);
        }

        /// <summary>
        /// Connects and subscribes to <paramref name="filter"/> (QoS 1); <paramref name="onArrival"/> gets each message
        /// first, on MQTTnet's receive path (a bench times arrivals there).
        /// </summary>
        public static Observer Watch(IBroker broker, string filter, Action<Received> onArrival)
        {
            return new Observer(broker, onArrival: onArrival).Subscribe(filter);
        }

        /// <summary>
        /// Connects as <paramref name="clientId"/> with a persistent session (clean session off) and subscribes to
        /// <paramref name="filter"/> (QoS 1): the broker queues QoS 1 messages for it while it is away, across a
        /// restart too when the broker keeps its sessions on disk, so it misses nothing wherever it reconnects.
        /// </summary>
        public static Observer WatchPersistent(IBroker broker, string filter, string clientId)
        {
            return new Observer(broker, persistentClientId: clientId).Subscribe(filter);
        }

        /// <summary>Reconnects as <paramref name="clientId"/> to its persistent session, without subscribing again.</summary>
        public static Observer Resume(IBroker broker, string clientId)
        {
            return new Observer(broker, persistentClientId: clientId);
        }

        /// <summary>Connects over TLS, trusting only <paramref name="ca"/>, and subscribes to <paramref name="filter"/> (QoS 1).</summary>
        public static Observer WatchOverTls(IBroker broker, string filter, X509Certificate2 ca)
        {
            return new Observer(broker, ca: ca).Subscribe(filter);
        }

        /// <summary>A client that only publishes.</summary>
        public static Observer Connect(IBroker broker)
        {
            return new Observer(broker);
        }

        /// <summary>A client that only publishes, logged in as <paramref name="user"/>.</summary>
        public static Observer Connect(IBroker broker, string user, string password)
        {
            return new Observer(broker, user, password);
        }

        public Received[] All
        {
            get
            {
                lock (_received)
                {
                    return _received.ToArray();
                }
            }
        }

        /// <summary>Publishes at QoS 1; returns once the broker acknowledged it (PUBACK).</summary>
        public void Publish(string topic, string payload, bool retain = false)
        {
            Publish(Message(topic, payload, retain));
        }

        /// <summary>QoS 0, not waited for beyond the hand-over to the socket: for floods, where throughput matters more than delivery.</summary>
        public void PublishAtMostOnce(string topic, string payload)
        {
            Publish(Message(topic, payload, qos: MqttQualityOfServiceLevel.AtMostOnce));
        }

        /// <summary>Publishes a message built beforehand (<see cref="Message"/>), so that a bench's timing leaves the building out.</summary>
        public void Publish(MqttApplicationMessage message)
        {
            Bounded(token => _client.PublishAsync(message, token));
        }

        public static MqttApplicationMessage Message(string topic, string payload, bool retain = false, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
        {
            return new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).WithRetainFlag(retain).Build();
        }

        /// <summary>The first message (from index <paramref name="after"/> on) that matches, waiting up to <paramref name="timeout"/>.</summary>
        public Received WaitFor(string what, Func<Received, bool> match, TimeSpan timeout, int after = 0)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (_received)
            {
                while (true)
                {
                    for (int i = after; i < _received.Count; i++)
                    {
                        if (match(_received[i]))
                        {
                            return _received[i];
                        }
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        throw new TimeoutException("no " + what + " within " + timeout.TotalSeconds + " s; received:\n  "
                            + string.Join("\n  ", _received.Skip(after).Select(r => r.ToString())));
                    }

                    Monitor.Wait(_received, left);
                }
            }
        }

        public Received WaitFor(string topic, string payload, TimeSpan timeout, int after = 0)
        {
            return WaitFor(topic + " = " + payload, r => r.Topic == topic && r.Payload == payload, timeout, after);
        }

        /// <summary>How many messages have arrived so far: an index for <see cref="WaitFor(string, Func{Received, bool}, TimeSpan, int)"/>.</summary>
        public int Count
        {
            get
            {
                lock (_received)
                {
                    return _received.Count;
                }
            }
        }

        private Observer Subscribe(string filter)
        {
            MqttClientSubscribeOptions subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            Bounded(token => _client.SubscribeAsync(subscribe, token));
            return this;
        }

        public void Dispose()
        {
            try
            {
                Bounded(token => _client.DisconnectAsync(new MqttClientDisconnectOptions(), token));
            }
            catch (Exception)
            {
                // The broker may already be gone.
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
