using SensorNode.Core.Board;
using SensorNode.Core.Mqtt;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// The link as the node's parts see it: publishing works only while the main loop owns the connection, never
    /// while an attempt runs on the connect thread (the client libraries are not made for two threads at once);
    /// it counts as connected only once the node is online.
    /// Connecting, subscribing and disconnecting are the supervisor's alone.
    /// </summary>
    public sealed class SupervisedLink : IMqttLink
    {
        private const string NotOwned = "not connected";
        private readonly IMqttLink _link;
        private readonly IClock _clock;
        private ConnectionSupervisor _supervisor;
        private string _lastError;

        public SupervisedLink(IMqttLink link, IClock clock)
        {
            _link = link;
            _clock = clock;
        }

        /// <summary>True once the node is online (its probe back): parts start their work after connect then, not before.</summary>
        public bool IsConnected
        {
            get { return _supervisor != null && _supervisor.IsOnline && _supervisor.OwnsLink; }
        }

        public int Pending
        {
            get { return _link.Pending; }
        }

        public string LastError
        {
            get { return _lastError ?? _link.LastError; }
        }

        public void Supervise(ConnectionSupervisor supervisor)
        {
            _supervisor = supervisor;
        }

        public void SetListener(IMqttLinkListener listener)
        {
            _link.SetListener(listener);
        }

        public bool TryConnect(MqttConnectOptions options)
        {
            throw new System.InvalidOperationException("the connection supervisor connects");
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            throw new System.InvalidOperationException("the connection supervisor subscribes");
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            // Also while the probe is out: what the node says of messages delivered before it (events) must get out.
            if (_supervisor == null || !_supervisor.OwnsLink)
            {
                _lastError = NotOwned;
                return false;
            }

            _lastError = null;
            _supervisor.NoteSent(_clock.UptimeMs);
            return _link.Publish(topic, payload, length, qos, retain);
        }

        public void Disconnect()
        {
            throw new System.InvalidOperationException("the connection supervisor disconnects");
        }
    }
}
