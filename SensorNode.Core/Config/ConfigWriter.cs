using SensorNode.Core.Board;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Text;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// Writes a config as the JSON that <see cref="ConfigParser"/> reads: complete for flash, with secrets
    /// masked for the retained "{base}/config" topic.
    /// </summary>
    public static class ConfigWriter
    {
        public const string Mask = "***";

        public static void Write(NodeConfig config, PayloadBuilder output, bool maskSecrets)
        {
            output.Append('{');
            Text(output, ConfigKeys.NodeId, config.NodeId, false);
            Text(output, ConfigKeys.TopicPrefix, config.TopicPrefix, true);
            Number(output, ConfigKeys.PublishInterval, config.PublishIntervalSeconds);
            Text(output, ConfigKeys.WifiSsid, config.WifiSsid, true);
            Text(output, ConfigKeys.WifiPassword, Secret(config.WifiPassword, maskSecrets), true);
            Text(output, ConfigKeys.BrokerHost, config.BrokerHost, true);
            Number(output, ConfigKeys.BrokerPort, config.BrokerPort);
            Flag(output, ConfigKeys.BrokerTls, config.BrokerTls);
            Text(output, ConfigKeys.BrokerUsername, config.BrokerUsername, true);
            Text(output, ConfigKeys.BrokerPassword, Secret(config.BrokerPassword, maskSecrets), true);
            Number(output, ConfigKeys.KeepAlive, config.KeepAliveSeconds);
            Flag(output, ConfigKeys.CleanSession, config.CleanSession);
            Flag(output, ConfigKeys.AcceptRetainedCommands, config.AcceptRetainedCommands);
            Flag(output, ConfigKeys.AcceptQueuedCommands, config.AcceptQueuedCommands);
            Flag(output, ConfigKeys.Discovery, config.Discovery);
            Text(output, ConfigKeys.DiscoveryPrefix, config.DiscoveryPrefix, true);
            Flag(output, ConfigKeys.Homie, config.Homie);
            Number(output, ConfigKeys.DiagInterval, config.DiagIntervalSeconds);
            Number(output, ConfigKeys.ConfigVersion, config.ConfigVersion);
            Number(output, ConfigKeys.Heartbeat, config.HeartbeatSeconds);
            Text(output, ConfigKeys.Snapshot, SnapshotText(config.Snapshot), true);
            for (int q = 0; q < Quantity.All.Length; q++)
            {
                Quantity quantity = Quantity.All[q];
                int decimals = quantity.Decimals + 2 > 6 ? 6 : quantity.Decimals + 2; // finer than the readings: a deadband may be below their resolution
                output.Append(',').AppendJsonKey(ConfigKeys.DeadbandPrefix + quantity.Name).AppendFixed(config.Deadbands[q], decimals);
            }

            Number(output, ConfigKeys.HistoryBytes, config.HistoryBytes);

            output.Append('}');
        }

        private static string SnapshotText(SnapshotMode mode)
        {
            return mode == SnapshotMode.EveryCycle ? "cycle" : mode == SnapshotMode.OnChange ? "change" : "off";
        }

        private static string Secret(string value, bool mask)
        {
            return mask && value != null && value.Length > 0 ? Mask : value;
        }

        private static void Text(PayloadBuilder output, string key, string value, bool comma)
        {
            if (comma)
            {
                output.Append(',');
            }

            output.AppendJsonKey(key).AppendJsonString(value);
        }

        private static void Number(PayloadBuilder output, string key, long value)
        {
            output.Append(',').AppendJsonKey(key).AppendInteger(value);
        }

        private static void Flag(PayloadBuilder output, string key, bool value)
        {
            output.Append(',').AppendJsonKey(key).Append(value ? "true" : "false");
        }
    }
}
