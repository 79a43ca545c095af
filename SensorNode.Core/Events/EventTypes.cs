namespace SensorNode.Core.Events
{
    /// <summary>The "type" values of "{base}/event" payloads (docs/mqtt.md lists them with examples).</summary>
    public static class EventTypes
    {
        public const string CommandRejected = "command_rejected";
        public const string CommandIgnored = "command_ignored";
        public const string ConfigRejected = "config_rejected";
        public const string ConfigTrial = "config_trial";
        public const string ConfigApplied = "config_applied";
        public const string ConfigReverted = "config_reverted";
        public const string ConfigStorageError = "config_storage_error";
        public const string SensorError = "sensor_error";
        public const string SensorRecovered = "sensor_recovered";
        public const string MessagesDropped = "messages_dropped";
        public const string DiscoveryError = "discovery_error";
        public const string HistoryDropped = "history_dropped";
        public const string Failsafe = "failsafe";
        public const string ConnectionFlapping = "connection_flapping";
    }
}
