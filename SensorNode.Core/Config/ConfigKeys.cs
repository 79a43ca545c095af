namespace SensorNode.Core.Config
{
    /// <summary>JSON keys of <see cref="NodeConfig"/>, shared by the parser and the writer.</summary>
    public static class ConfigKeys
    {
        public const string NodeId = "node_id";
        public const string TopicPrefix = "topic_prefix";
        public const string PublishInterval = "interval_s";
        public const string WifiSsid = "wifi_ssid";
        public const string WifiPassword = "wifi_password";
        public const string BrokerHost = "broker_host";
        public const string BrokerPort = "broker_port";
        public const string BrokerTls = "broker_tls";
        public const string BrokerUsername = "broker_user";
        public const string BrokerPassword = "broker_password";
        public const string KeepAlive = "keepalive_s";
        public const string CleanSession = "clean_session";
        public const string AcceptRetainedCommands = "accept_retained_commands";
        public const string AcceptQueuedCommands = "accept_queued_commands";
        public const string Discovery = "discovery";
        public const string Homie = "homie";
        public const string Heartbeat = "heartbeat_s";
        public const string Snapshot = "snapshot";
        public const string HistoryBytes = "history_bytes";

        /// <summary>
        /// 32 KB: a third of the ~100 KB of managed heap an ESP32-WROOM has free with this firmware running
        /// (docs/configuration.md), so a full history still leaves room for the TLS handshake and the MQTT client.
        /// </summary>
        public const int MaxHistoryBytes = 32768;

        /// <summary>"deadband_" + a quantity's name, e.g. "deadband_temperature".</summary>
        public const string DeadbandPrefix = "deadband_";

        public const int MinHeartbeatSeconds = 10;
        public const int MaxHeartbeatSeconds = 86400;
        public const string DiscoveryPrefix = "discovery_prefix";
        public const string DiagInterval = "diag_interval_s";

        /// <summary>Read-only: counted by the node, see <see cref="NodeConfig.ConfigVersion"/>.</summary>
        public const string ConfigVersion = "config_version";

        public const int MinPublishIntervalSeconds = 1;
        public const int MaxPublishIntervalSeconds = 86400;
        public const int MinKeepAliveSeconds = 5;
        public const int MaxKeepAliveSeconds = 3600;
        public const int MinDiagIntervalSeconds = 10;
        public const int MaxDiagIntervalSeconds = 86400;
    }
}
