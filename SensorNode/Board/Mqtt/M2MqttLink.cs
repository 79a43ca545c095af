using System;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using SensorNode.Core.Connection;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;

namespace SensorNode.Board.Mqtt
{
    /// <summary>
    /// The core's broker link on nanoFramework.M2Mqtt's MqttClient (MQTT 3.1.1). A new client per connect, because
    /// the host, port and TLS settings are fixed at construction. M2Mqtt raises its events on its own receive thread;
    /// they go straight to the listener (the core's inbox).
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        /// <summary>Retained topics published at QoS 0 times the payload lengths each takes: readings, states, the snapshot.</summary>
        private const int RetainedArrays = 48;

        /// <summary>Above this a retained payload (Home Assistant's announcement) is not kept between connects.</summary>
        private const int LongestKeptPayload = 2048;

        /// <summary>How long a planned disconnect waits for the broker to acknowledge QoS 1 messages still queued.</summary>
        private const int DisconnectDrainMs = 3000;

        private const int DrainPollMs = 20;

        private readonly RetainedPayloadArrays _retained = new RetainedPayloadArrays(RetainedArrays, LongestKeptPayload);
        private readonly X509Certificate _caCertificate;
        private readonly string _caCertificateError;
        private IMqttLinkListener _listener;
        private MqttClient _client;

        /// <summary>QoS 1 publishes handed to M2Mqtt and not yet acknowledged (or given up) by it.</summary>
        private int _unacknowledged;

        /// <param name="caCertificatePem">The broker's CA certificate for TLS, or null to use none.</param>
        public M2MqttLink(byte[] caCertificatePem)
        {
            if (caCertificatePem == null)
            {
                return;
            }

            try
            {
                // The string constructor NUL-terminates the PEM text, which the native TLS parser needs; the byte[] one does not.
                _caCertificate = new X509Certificate(Encoding.UTF8.GetString(caCertificatePem, 0, caCertificatePem.Length));
            }
            catch (Exception ex)
            {
                _caCertificateError = "CA certificate unreadable: " + ex.Message;
            }
        }

        public bool IsConnected
        {
            get { return _client != null && _client.IsConnected; }
        }

        public string LastError { get; private set; }

        public int Pending
        {
            get { return _unacknowledged > 0 ? _unacknowledged : 0; }
        }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool TryConnect(MqttConnectOptions options)
        {
            DropClient();
            if (options.UseTls && _caCertificateError != null)
            {
                LastError = _caCertificateError; // a bad ca.pem fails TLS connects, never the boot
                return false;
            }

            try
            {
                _client = new MqttClient(
                    options.Host,
                    options.Port,
                    options.UseTls,
                    options.UseTls ? _caCertificate : null,
                    null,
                    options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                _client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                _client.MqttMsgPublishReceived += OnPublishReceived;
                _client.MqttMsgPublished += OnPublished;
                _client.ConnectionClosed += OnConnectionClosed;

                MqttReasonCode result = _client.Connect(
                    options.ClientId,
                    NullIfEmpty(options.Username),
                    NullIfEmpty(options.Password),
                    options.WillRetain,
                    ToM2Mqtt(options.WillQos),
                    options.WillTopic != null,
                    options.WillTopic,
                    options.WillPayload == null ? null : Encoding.UTF8.GetString(options.WillPayload, 0, options.WillPayload.Length),
                    options.CleanSession,
                    (ushort)options.KeepAliveSeconds);

                if (result != MqttReasonCode.Success)
                {
                    LastError = "broker refused the connection: reason code " + ((int)result).ToString();
                    DropClient();
                    return false;
                }

                LastError = null;
                return true;
            }
            catch (Exception ex)
            {
                LastError = ConnectError(ex);
                DropClient();
                return false;
            }
        }

        /// <summary>M2Mqtt wraps the socket's error in its own exception, whose message gives only the number.</summary>
        private static string ConnectError(Exception ex)
        {
            SocketException socket = ex as SocketException;
            if (socket == null)
            {
                socket = ex.InnerException as SocketException;
            }

            return socket != null ? BrokerSocketError.Describe(socket.ErrorCode) : ex.Message;
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            try
            {
                _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { ToM2Mqtt(qos) });
                return true;
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                return false;
            }
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                LastError = "not connected";
                return false;
            }

            try
            {
                // M2Mqtt sends whole arrays, later, from its own thread; the core formats into reusable buffers. What
                // goes out every cycle, retained at QoS 0 (readings, output states, the snapshot), is sent from an array
                // kept per topic and length (no allocation once seen). Everything else needs a copy of its own, since
                // the next one would overwrite it in the queue: events, and what is published once per connect or on a
                // change at QoS 1 (status, config, diagnostics, Home Assistant's pieces); kept, those pieces alone held
                // 6 KB of a 110 KB heap for good (virtual ESP32: 90 % in use with one BME280 instead of 80 %). On a full
                // heap the copy fails like the send: the caller hears false, not an exception that would end the main
                // loop (the virtual ESP32 at 96 KB: the announcement's copy did).
                byte[] message = retain && qos == MqttQos.AtMostOnce ? _retained.CopyOf(topic, payload, length) : CopyOf(payload, length);
                _client.Publish(topic, message, null, null, ToM2Mqtt(qos), retain);
                if (qos == MqttQos.AtLeastOnce)
                {
                    Interlocked.Increment(ref _unacknowledged); // its acknowledgement may already have come: the count dips below 0 for a moment
                }

                return true;
            }
            catch (OutOfMemoryException)
            {
                LastError = "out of memory for a " + length.ToString() + "-byte message"; // nanoFramework's has no message
                return false;
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                return false;
            }
        }

        public void Disconnect()
        {
            try
            {
                if (IsConnected)
                {
                    WaitForAcknowledgements();
                    _client.Disconnect();
                }
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
            }

            DropClient();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (_listener != null)
            {
                _listener.OnMessage(e.Topic, e.Message, e.Retain, e.DupFlag);
            }
        }

        /// <summary>
        /// M2Mqtt sends its queue from its own thread, but DISCONNECT goes out at once and closes the socket, dropping
        /// what is still queued: the config_trial event published just before a trial's reconnect was lost that way.
        /// A planned disconnect therefore waits, bounded, until every QoS 1 message is acknowledged; the queue is
        /// sent in order, so the QoS 0 messages ahead of them are out too.
        /// </summary>
        private void WaitForAcknowledgements()
        {
            int waitedMs = 0;
            while (_unacknowledged > 0 && waitedMs < DisconnectDrainMs && IsConnected)
            {
                Thread.Sleep(DrainPollMs);
                waitedMs += DrainPollMs;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            // Acknowledged or given up after M2Mqtt's retries: either way no longer waiting in its queue.
            Interlocked.Decrement(ref _unacknowledged);
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (_listener != null)
            {
                _listener.OnConnectionLost();
            }
        }

        private void DropClient()
        {
            if (_client == null)
            {
                return;
            }

            _client.MqttMsgPublishReceived -= OnPublishReceived;
            _client.MqttMsgPublished -= OnPublished;
            _client.ConnectionClosed -= OnConnectionClosed;
            try
            {
                _client.Dispose();
            }
            catch (Exception)
            {
                // A client whose socket already died may throw while closing; it is being discarded anyway.
            }

            _client = null;
            _unacknowledged = 0; // the next client numbers its messages afresh
        }

        [ColdPath("events, and what is published once per connect or on a change")]
        private static byte[] CopyOf(byte[] payload, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(payload, copy, length);
            return copy;
        }

        private static MqttQoSLevel ToM2Mqtt(MqttQos qos)
        {
            return qos == MqttQos.AtLeastOnce ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }

        private static string NullIfEmpty(string text)
        {
            return text == null || text.Length == 0 ? null : text;
        }
    }
}
