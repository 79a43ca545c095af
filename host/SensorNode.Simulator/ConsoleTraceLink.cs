using SensorNode.Core.Mqtt;
using SensorNode.HostBoard;

namespace SensorNode.Simulator
{
    /// <summary>
    /// Wraps the node's MQTT link and prints what crosses it: every publish ("→") and every message the node
    /// receives ("←"), so a person can follow each cycle and each command: as <see cref="ConsoleText"/> shows
    /// them (secrets masked, control characters escaped, long payloads cut).
    /// </summary>
    public sealed class ConsoleTraceLink : IMqttLink, IMqttLinkListener
    {
        private readonly IMqttLink _inner;
        private readonly ConsoleLog _log;
        private IMqttLinkListener _listener;

        public ConsoleTraceLink(IMqttLink inner, ConsoleLog log)
        {
            _inner = inner;
            _log = log;
        }

        public bool IsConnected => _inner.IsConnected;

        public int Pending => _inner.Pending;

        public string LastError => _inner.LastError;

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
            _inner.SetListener(this);
        }

        public bool TryConnect(MqttConnectOptions options) => _inner.TryConnect(options);

        public bool Subscribe(string topicFilter, MqttQos qos) => _inner.Subscribe(topicFilter, qos);

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            bool sent = _inner.Publish(topic, payload, length, qos, retain);
            _log.Board("→ " + topic + " " + ConsoleText.Payload(payload, length) + (retain ? " (retained)" : "") + (sent ? "" : " NOT SENT: " + _inner.LastError));
            return sent;
        }

        public void Disconnect() => _inner.Disconnect();

        public void OnMessage(string topic, byte[] payload, bool retained, bool duplicate)
        {
            _log.Board("← " + topic + " " + ConsoleText.Payload(payload, payload.Length) + (retained ? " (retained)" : ""));
            _listener?.OnMessage(topic, payload, retained, duplicate);
        }

        public void OnConnectionLost()
        {
            _log.Board("connection to the broker lost");
            _listener?.OnConnectionLost();
        }
    }
}
