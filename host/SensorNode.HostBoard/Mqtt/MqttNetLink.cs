using System;
using System.Buffers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SensorNode.Core.Mqtt;

namespace SensorNode.HostBoard.Mqtt
{
    /// <summary>
    /// The core's broker link on MQTTnet's client (MQTT 3.1.1), the host twin of the device's M2MqttLink. Connect,
    /// subscribe and disconnect block with a bound, as the core expects. Publish, like M2Mqtt's, only queues: one
    /// sender sends the queue in order and waits for each PUBACK, so the main loop never waits on the network (a
    /// path gone silent would otherwise hold it for the whole response timeout). MQTTnet raises received messages
    /// and disconnects on its own tasks; they go straight to the listener.
    /// </summary>
    public sealed class MqttNetLink : IMqttLink, IDisposable
    {
        private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);
        private readonly IMqttClient _client;
        private IMqttLinkListener _listener;
        private readonly PrivateCa _ca;
        private volatile bool _disconnecting; // after an orderly DISCONNECT of ours: not a lost connection
        private volatile string _certificateRefusal; // why the last TLS handshake refused the broker's certificate
        private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
        private int _unsent; // queued and not yet sent (or given up)
        private int _session; // which connection a queued message belongs to: none survives a reconnect, as with M2Mqtt
        private volatile string _lastError;

        /// <param name="ca">With TLS, the broker's certificate must chain to this CA only; null: the machine's trusted roots.</param>
        public MqttNetLink(PrivateCa ca = null)
        {
            _ca = ca;
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += OnMessageReceived;
            _client.DisconnectedAsync += OnDisconnected;
            _ = Task.Run(SendQueued); // ends when Dispose completes the queue
        }

        public bool IsConnected => _client.IsConnected;

        public int Pending => Math.Max(0, Volatile.Read(ref _unsent));

        public string LastError
        {
            get => _lastError;
            private set => _lastError = value;
        }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool TryConnect(MqttConnectOptions options)
        {
            MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                .WithTcpServer(options.Host, options.Port)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId(options.ClientId)
                .WithCleanSession(options.CleanSession)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
                .WithTimeout(ResponseTimeout(options.KeepAliveSeconds));
            if (!string.IsNullOrEmpty(options.Username))
            {
                builder.WithCredentials(options.Username, options.Password ?? "");
            }

            if (options.UseTls)
            {
                builder.WithTlsOptions(tls =>
                {
                    tls.UseTls().WithTargetHost(options.Host); // the name the broker's certificate must carry
                    tls.WithCertificateValidationHandler(_ca != null ? ValidateWithPrivateCa : ValidateWithSystemTrust);
                });
            }

            if (options.WillTopic != null)
            {
                builder.WithWillTopic(options.WillTopic)
                    .WithWillPayload(options.WillPayload)
                    .WithWillRetain(options.WillRetain)
                    .WithWillQualityOfServiceLevel(ToMqttNet(options.WillQos));
            }

            try
            {
                DisconnectInOrder();
                Interlocked.Increment(ref _session);
                _disconnecting = false;
                _certificateRefusal = null;
                MqttClientConnectResult result = Bounded(token => _client.ConnectAsync(builder.Build(), token));
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    LastError = "broker refused the connection: " + result.ResultCode;
                    return false;
                }

                LastError = null;
                return true;
            }
            catch (Exception ex)
            {
                string refusal = _certificateRefusal;
                LastError = refusal != null ? "TLS: broker certificate refused: " + refusal : Describe(ex);
                return false;
            }
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            MqttClientSubscribeOptions options = new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(topicFilter, ToMqttNet(qos))
                .Build();
            try
            {
                MqttClientSubscribeResult result = Bounded(token => _client.SubscribeAsync(options, token));
                foreach (MqttClientSubscribeResultItem item in result.Items)
                {
                    if ((int)item.ResultCode >= 0x80)
                    {
                        LastError = "broker refused the subscription (" + item.ResultCode + "; an ACL?)";
                        return false;
                    }
                }

                return true;
            }
            catch (Exception ex)
            {
                LastError = Describe(ex);
                return false;
            }
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (!_client.IsConnected)
            {
                LastError = "not connected";
                return false;
            }

            // MQTTnet sends asynchronously after PublishAsync returns for QoS 0, so the core's reusable buffer is copied.
            byte[] message = new byte[length];
            Array.Copy(payload, message, length);
            MqttApplicationMessage application = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(message)
                .WithQualityOfServiceLevel(ToMqttNet(qos))
                .WithRetainFlag(retain)
                .Build();
            if (qos == MqttQos.AtMostOnce && Volatile.Read(ref _unsent) == 0)
            {
                // Nothing queued ahead of it and no acknowledgement to wait for: sent at once (the state echo's
                // latency), the order kept. The call returns once the packet is in the socket's buffer.
                return PublishNow(application);
            }

            Interlocked.Increment(ref _unsent);
            _outbox.Writer.TryWrite(new Outgoing(application, Volatile.Read(ref _session)));
            return true;
        }

        private bool PublishNow(MqttApplicationMessage application)
        {
            try
            {
                Bounded(token => _client.PublishAsync(application, token));
                return true;
            }
            catch (Exception ex)
            {
                LastError = Describe(ex);
                return false;
            }
        }

        /// <summary>The sender: the queue in order, each message awaited (PUBACK for QoS 1) with the response bound.</summary>
        private async Task SendQueued()
        {
            await foreach (Outgoing outgoing in _outbox.Reader.ReadAllAsync())
            {
                try
                {
                    if (outgoing.Session == Volatile.Read(ref _session) && _client.IsConnected)
                    {
                        using CancellationTokenSource timeout = new CancellationTokenSource(OperationTimeout);
                        await _client.PublishAsync(outgoing.Message, timeout.Token);
                    }
                }
                catch (Exception ex)
                {
                    LastError = Describe(ex);
                }
                finally
                {
                    Interlocked.Decrement(ref _unsent);
                }
            }
        }

        /// <summary>Lets what is queued go out before an orderly DISCONNECT ("offline" first), within a bound.</summary>
        private void FlushQueued()
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _unsent) == 0 || !_client.IsConnected, FlushTimeout);
        }

        public void Disconnect()
        {
            try
            {
                DisconnectInOrder();
            }
            catch (Exception ex)
            {
                LastError = Describe(ex);
            }
        }

        private void DisconnectInOrder()
        {
            if (!_client.IsConnected)
            {
                return;
            }

            FlushQueued();
            _disconnecting = true; // MQTTnet reports the disconnect after DisconnectAsync returns; cleared by the next connect
            Bounded(token => _client.DisconnectAsync(new MqttClientDisconnectOptions(), token));
        }

        public void Dispose()
        {
            _outbox.Writer.TryComplete();
            _client.Dispose();
        }

        private readonly record struct Outgoing(MqttApplicationMessage Message, int Session);

        private bool ValidateWithPrivateCa(MqttClientCertificateValidationEventArgs e)
        {
            bool accepted = _ca.Accepts(e.Certificate, e.Chain, e.SslPolicyErrors, out string reason);
            _certificateRefusal = reason;
            return accepted;
        }

        private bool ValidateWithSystemTrust(MqttClientCertificateValidationEventArgs e)
        {
            _certificateRefusal = SystemTrust.Check(e.Certificate, e.Chain, e.SslPolicyErrors);
            return _certificateRefusal == null;
        }

        private Task OnMessageReceived(MqttApplicationMessageReceivedEventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (listener != null)
            {
                listener.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain, e.ApplicationMessage.Dup);
            }

            return Task.CompletedTask;
        }

        private Task OnDisconnected(MqttClientDisconnectedEventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (listener != null && e.ClientWasConnected && !_disconnecting)
            {
                listener.OnConnectionLost();
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// How long MQTTnet waits for an answer, PINGRESP included: half the keep-alive (2 to 10 s), so a path that
        /// went silent is found within 1.5 keep-alive periods, when the broker gives up on the node too.
        /// </summary>
        private static TimeSpan ResponseTimeout(int keepAliveSeconds)
        {
            return TimeSpan.FromSeconds(Math.Clamp(keepAliveSeconds / 2.0, 2, OperationTimeout.TotalSeconds));
        }

        private static T Bounded<T>(Func<CancellationToken, Task<T>> operation)
        {
            using CancellationTokenSource timeout = new CancellationTokenSource(OperationTimeout);
            return operation(timeout.Token).GetAwaiter().GetResult();
        }

        private static void Bounded(Func<CancellationToken, Task> operation)
        {
            using CancellationTokenSource timeout = new CancellationTokenSource(OperationTimeout);
            operation(timeout.Token).GetAwaiter().GetResult();
        }

        private static string Describe(Exception ex)
        {
            return ex.InnerException != null ? ex.Message + " (" + ex.InnerException.Message + ")" : ex.Message;
        }

        private static MqttQualityOfServiceLevel ToMqttNet(MqttQos qos)
        {
            return qos == MqttQos.AtLeastOnce ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
        }
    }
}
