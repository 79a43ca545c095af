using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// One try at the broker: join the network if needed, CONNECT with the offline Last-Will, SUBSCRIBE, publish
    /// "online". Every step may block for seconds (Wi-Fi join, a broker that never answers), so it runs on the
    /// connect thread (<see cref="IConnectRunner"/>) while the main loop keeps the outputs' time. The main loop
    /// reads the outcome once <see cref="IsDone"/>; until then only this attempt touches the link.
    /// </summary>
    public sealed class ConnectAttempt
    {
        private readonly object _sync = new object();
        private readonly IMqttLink _link;
        private readonly INetwork _network;
        private readonly ILog _log;
        private readonly MessageInbox _wake;
        private readonly NodeConfig _config;
        private readonly TopicScheme _topics;
        private readonly string[] _subscriptions;
        private readonly bool _joinNetwork;
        private readonly LastWill _will;
        private bool _done;
        private bool _abandoned;

        public ConnectAttempt(IMqttLink link, INetwork network, ILog log, MessageInbox wake, NodeConfig config, TopicScheme topics, string[] subscriptions, bool joinNetwork, LastWill will)
        {
            _will = will;
            _link = link;
            _network = network;
            _log = log;
            _wake = wake;
            _config = config;
            _topics = topics;
            _subscriptions = subscriptions;
            _joinNetwork = joinNetwork;
        }

        /// <summary>Connected, subscribed and "online" published.</summary>
        public bool Succeeded { get; private set; }

        /// <summary>The network was joined during this attempt.</summary>
        public bool JoinedNetwork { get; private set; }

        /// <summary>Connected, but the broker refused a subscription or the "online" publish: likely an ACL.</summary>
        public bool Refused { get; private set; }

        /// <summary>Why the attempt failed; null when it succeeded.</summary>
        public string Error { get; private set; }

        public bool IsDone
        {
            get
            {
                lock (_sync)
                {
                    return _done;
                }
            }
        }

        /// <summary>Runs the attempt; on the connect thread (or inline in tests).</summary>
        [ColdPath("runs once per connect attempt")]
        public void Run()
        {
            bool succeeded = false;
            try
            {
                succeeded = Connect();
            }
            catch (System.Exception ex)
            {
                Error = "connect attempt failed: " + ex.Message; // a link must not throw; if one does, the node still runs
            }

            bool leave;
            lock (_sync)
            {
                Succeeded = succeeded;
                leave = _abandoned && succeeded;
                _done = true;
            }

            if (leave)
            {
                // The node stopped while this attempt ran: nobody else will close what it opened.
                ConnectionSupervisor.LeaveInOrder(_link, _topics);
            }

            _wake.Wake();
        }

        /// <summary>
        /// The node is stopping: true when the attempt still runs (it will leave the broker in order itself), false
        /// when it has finished (the caller cleans up).
        /// </summary>
        public bool Abandon()
        {
            lock (_sync)
            {
                _abandoned = true;
                return !_done;
            }
        }

        private bool Connect()
        {
            if (_network != null && (_joinNetwork || !_network.IsUp))
            {
                if (!_network.Connect(_config.WifiSsid, _config.WifiPassword))
                {
                    Error = "network: " + _network.LastError;
                    return false;
                }

                JoinedNetwork = true;
            }

            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = ClientIdOf(_config);
            options.Host = _config.BrokerHost;
            options.Port = _config.BrokerPort;
            options.UseTls = _config.BrokerTls;
            options.Username = _config.BrokerUsername;
            options.Password = _config.BrokerPassword;
            options.KeepAliveSeconds = _config.KeepAliveSeconds;
            options.CleanSession = _config.CleanSession;
            options.WillTopic = _will.Topic;
            options.WillPayload = _will.Lost;
            options.WillRetain = true;
            options.WillQos = MqttQos.AtLeastOnce;

            _log.Info("connecting to " + options.Host + ":" + options.Port + " as " + options.ClientId);
            if (!_link.TryConnect(options))
            {
                Error = _link.LastError;
                return false;
            }

            for (int i = 0; i < _subscriptions.Length; i++)
            {
                if (!_link.Subscribe(_subscriptions[i], MqttQos.AtLeastOnce))
                {
                    return RefusedBy("subscribe to " + _subscriptions[i]);
                }
            }

            if (!_link.Publish(_topics.Status, ConnectionSupervisor.Online, ConnectionSupervisor.Online.Length, MqttQos.AtLeastOnce, true))
            {
                return RefusedBy("publish to " + _topics.Status);
            }

            return true;
        }

        private bool RefusedBy(string what)
        {
            Refused = true;
            Error = "connected, but " + what + " failed: " + _link.LastError;
            _link.Disconnect();
            return false;
        }

        public static string ClientIdOf(NodeConfig config)
        {
            return "sensornode-" + config.NodeId;
        }
    }
}
