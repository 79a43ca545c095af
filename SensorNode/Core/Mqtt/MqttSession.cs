using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// Keeps the node connected: joins the network, connects with the offline Last-Will, subscribes, announces
    /// "online", and after a failure retries with exponential back-off (1 s doubling to 60 s).
    /// </summary>
    public sealed class MqttSession
    {
        public const int FirstRetryDelayMs = 1000;
        public const int MaxRetryDelayMs = 60000;
        public static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };
        public static readonly byte[] Offline = { (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        private readonly IMqttLink _link;
        private readonly INetwork _network;
        private readonly ILog _log;
        private NodeConfig _config;
        private TopicScheme _topics;
        private string[] _subscriptions;
        private bool _connected;
        private bool _joinNetwork = true;
        private long _nextAttemptMs;
        private int _retryDelayMs = FirstRetryDelayMs;
        private long _offlineSinceMs;

        public MqttSession(IMqttLink link, INetwork network, ILog log)
        {
            _link = link;
            _network = network;
            _log = log;
        }

        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <summary>Uptime (ms) at which the node was last not online: 0 at boot, the moment of a loss; -1 while connected.</summary>
        public long OfflineSinceMs
        {
            get { return _connected ? -1 : _offlineSinceMs; }
        }

        /// <summary>What the last failed attempt said; null after a success.</summary>
        public string LastError { get; private set; }

        /// <summary>Why the last failed connect attempt since boot failed; kept after a later success, null when none failed.</summary>
        public string LastConnectError { get; private set; }

        /// <summary>Successful connects since boot (the first one included).</summary>
        public long Connects { get; private set; }

        /// <summary>
        /// Settings for the next connect, and the topic filters to subscribe to after each one (the node's parts'
        /// inbound topics); the caller disconnects first when they change.
        /// </summary>
        public void Configure(NodeConfig config, TopicScheme topics, string[] subscriptions, bool rejoinNetwork)
        {
            _config = config;
            _topics = topics;
            _subscriptions = subscriptions;
            _joinNetwork = _joinNetwork || rejoinNetwork;
            _nextAttemptMs = 0;
            _retryDelayMs = FirstRetryDelayMs;
        }

        /// <summary>Connects when due. Returns true exactly once per successful connect.</summary>
        public bool Poll(long nowMs)
        {
            if (_connected && _link.IsConnected)
            {
                return false;
            }

            return Reconnect(nowMs);
        }

        [ColdPath("the connection is down")]
        private bool Reconnect(long nowMs)
        {
            if (_connected)
            {
                _connected = false;
                _log.Warn("MQTT connection lost; reconnecting");
                _offlineSinceMs = nowMs;
                _nextAttemptMs = nowMs;
            }

            if (nowMs < _nextAttemptMs)
            {
                return false;
            }

            if (TryConnect())
            {
                _connected = true;
                Connects++;
                LastError = null;
                _retryDelayMs = FirstRetryDelayMs;
                return true;
            }

            LastConnectError = LastError;
            _log.Warn("connect failed (" + LastError + "); next try in " + (_retryDelayMs / 1000) + " s");
            _nextAttemptMs = nowMs + _retryDelayMs;
            _retryDelayMs = _retryDelayMs * 2 > MaxRetryDelayMs ? MaxRetryDelayMs : _retryDelayMs * 2;
            return false;
        }

        /// <summary>Milliseconds until the next connect attempt, or -1 while connected.</summary>
        public long MsUntilNextAttempt(long nowMs)
        {
            if (_connected)
            {
                return -1;
            }

            long wait = _nextAttemptMs - nowMs;
            return wait < 0 ? 0 : wait;
        }

        /// <summary>Orderly end: "offline" retained, then DISCONNECT (so the broker discards the Last-Will).</summary>
        public void Close()
        {
            if (_link.IsConnected)
            {
                _link.Publish(_topics.Status, Offline, Offline.Length, MqttQos.AtLeastOnce, true);
                _link.Disconnect();
            }

            _connected = false;
        }

        private bool TryConnect()
        {
            if (_network != null && (_joinNetwork || !_network.IsUp))
            {
                if (!_network.Connect(_config.WifiSsid, _config.WifiPassword))
                {
                    LastError = "network: " + _network.LastError;
                    return false;
                }

                _joinNetwork = false;
            }

            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "sensornode-" + _config.NodeId;
            options.Host = _config.BrokerHost;
            options.Port = _config.BrokerPort;
            options.UseTls = _config.BrokerTls;
            options.Username = _config.BrokerUsername;
            options.Password = _config.BrokerPassword;
            options.KeepAliveSeconds = _config.KeepAliveSeconds;
            options.CleanSession = _config.CleanSession;
            options.WillTopic = _topics.Status;
            options.WillPayload = Offline;
            options.WillRetain = true;
            options.WillQos = MqttQos.AtLeastOnce;

            _log.Info("connecting to " + options.Host + ":" + options.Port + " as " + options.ClientId);
            if (!_link.TryConnect(options))
            {
                LastError = _link.LastError;
                return false;
            }

            bool subscribed = true;
            for (int i = 0; i < _subscriptions.Length && subscribed; i++)
            {
                subscribed = _link.Subscribe(_subscriptions[i], MqttQos.AtLeastOnce);
            }

            if (!subscribed || !_link.Publish(_topics.Status, Online, Online.Length, MqttQos.AtLeastOnce, true))
            {
                LastError = "connected, but subscribe/publish failed: " + _link.LastError;
                _link.Disconnect();
                return false;
            }

            _log.Info("connected; " + _topics.Status + " = online");
            return true;
        }
    }
}
