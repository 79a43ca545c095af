using SensorNode.Core.Board;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Text;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// Applies a JSON object of settings onto a copy of a config and validates the result as a whole.
    /// Keys left out keep their value, so {"interval_s":10} changes only the interval. Anything wrong rejects
    /// the entire object: a node never runs half of a config.
    /// </summary>
    public static class ConfigParser
    {
        /// <summary>
        /// A client's settings ("{base}/config/set"): returns null and the merged config in
        /// <paramref name="result"/>, or returns the first problem. "config_version" is read-only: it is accepted
        /// only with the current value (so a copy of the published config round-trips), otherwise rejected.
        /// </summary>
        public static string TryMerge(NodeConfig current, byte[] json, int length, out NodeConfig result)
        {
            return TryMerge(current, json, length, false, out result);
        }

        /// <summary>Settings kept in flash by the node itself: like <see cref="TryMerge(NodeConfig, byte[], int, out NodeConfig)"/>, with "config_version" taken as stored.</summary>
        public static string TryMergeStored(NodeConfig current, byte[] json, int length, out NodeConfig result)
        {
            return TryMerge(current, json, length, true, out result);
        }

        private static string TryMerge(NodeConfig current, byte[] json, int length, bool stored, out NodeConfig result)
        {
            result = null;
            NodeConfig merged = current.Clone();
            JsonObjectReader reader = new JsonObjectReader(json, length);
            while (reader.MoveNext())
            {
                string error = ApplyMember(merged, reader, stored);
                if (error != null)
                {
                    return error;
                }
            }

            if (reader.Error != null)
            {
                return "malformed JSON: " + reader.Error;
            }

            string invalid = Validate(merged);
            if (invalid != null)
            {
                return invalid;
            }

            result = merged;
            return null;
        }

        public const int MaxSsidBytes = 32;
        public const int MinPasswordBytes = 8;
        public const int MaxPasswordBytes = 64;

        public static string Validate(NodeConfig config)
        {
            return Validate(config, false);
        }

        /// <summary>
        /// Settings a node boots with: like <see cref="Validate(NodeConfig)"/>, but a node that is not set up yet (no
        /// broker host: a first boot whose board knows no broker) is valid; it waits in setup mode for the setup page.
        /// </summary>
        public static string ValidateBoot(NodeConfig config)
        {
            return Validate(config, true);
        }

        private static string Validate(NodeConfig config, bool mayBeNotSetUp)
        {
            if (!TopicScheme.IsValidSegment(config.NodeId))
            {
                return "\"" + ConfigKeys.NodeId + "\" must be one topic level without '/', '+' or '#'";
            }

            if (!TopicScheme.IsValidPrefix(config.TopicPrefix))
            {
                return "\"" + ConfigKeys.TopicPrefix + "\" must be topic levels without '+', '#' or empty levels, not starting with '$'";
            }

            if (!TopicScheme.IsValidPrefix(config.DiscoveryPrefix))
            {
                return "\"" + ConfigKeys.DiscoveryPrefix + "\" must be topic levels without '+', '#' or empty levels";
            }

            // What the ESP32's Wi-Fi takes (IEEE 802.11: an SSID of up to 32 bytes; WPA2: a passphrase of 8 to 63
            // characters or 64 hex digits; empty for an open network).
            if (Utf8.ByteCount(config.WifiSsid) > MaxSsidBytes)
            {
                return "\"" + ConfigKeys.WifiSsid + "\" must be at most " + MaxSsidBytes + " bytes (UTF-8)";
            }

            int passwordBytes = Utf8.ByteCount(config.WifiPassword);
            if (passwordBytes != 0 && (passwordBytes < MinPasswordBytes || passwordBytes > MaxPasswordBytes))
            {
                return "\"" + ConfigKeys.WifiPassword + "\" must be empty (an open network) or " + MinPasswordBytes + " to " + MaxPasswordBytes + " bytes";
            }

            if (config.BrokerHost == null || (config.BrokerHost.Length == 0 && !mayBeNotSetUp))
            {
                return "\"" + ConfigKeys.BrokerHost + "\" must not be empty";
            }

            // Checked before a trial: a host that can never resolve would only be reverted after 90 s.
            string badHost = config.BrokerHost.Length == 0 ? null : HostAddress.CheckHost(config.BrokerHost);
            if (badHost != null)
            {
                return "\"" + ConfigKeys.BrokerHost + "\": " + badHost + " (the port is \"" + ConfigKeys.BrokerPort + "\")";
            }

            if (config.HistoryBytes < 0 || config.HistoryBytes > ConfigKeys.MaxHistoryBytes)
            {
                return "\"" + ConfigKeys.HistoryBytes + "\" must be 0 to " + ConfigKeys.MaxHistoryBytes;
            }

            return null;
        }

        private static string ApplyMember(NodeConfig config, JsonObjectReader member, bool stored)
        {
            switch (member.Key)
            {
                case ConfigKeys.NodeId: return ReadText(member, ref config.NodeId, false);
                case ConfigKeys.TopicPrefix: return ReadText(member, ref config.TopicPrefix, false);
                case ConfigKeys.WifiSsid: return ReadText(member, ref config.WifiSsid, true);
                case ConfigKeys.WifiPassword: return ReadSecret(member, ref config.WifiPassword);
                case ConfigKeys.BrokerHost: return ReadText(member, ref config.BrokerHost, false);
                case ConfigKeys.BrokerUsername: return ReadText(member, ref config.BrokerUsername, true);
                case ConfigKeys.BrokerPassword: return ReadSecret(member, ref config.BrokerPassword);
                case ConfigKeys.PublishInterval:
                    return ReadWhole(member, ConfigKeys.MinPublishIntervalSeconds, ConfigKeys.MaxPublishIntervalSeconds, ref config.PublishIntervalSeconds);
                case ConfigKeys.BrokerPort: return ReadWhole(member, 1, 65535, ref config.BrokerPort);
                case ConfigKeys.KeepAlive:
                    return ReadWhole(member, ConfigKeys.MinKeepAliveSeconds, ConfigKeys.MaxKeepAliveSeconds, ref config.KeepAliveSeconds);
                case ConfigKeys.BrokerTls: return ReadFlag(member, ref config.BrokerTls);
                case ConfigKeys.CleanSession: return ReadFlag(member, ref config.CleanSession);
                case ConfigKeys.AcceptRetainedCommands: return ReadFlag(member, ref config.AcceptRetainedCommands);
                case ConfigKeys.AcceptQueuedCommands: return ReadFlag(member, ref config.AcceptQueuedCommands);
                case ConfigKeys.Discovery: return ReadFlag(member, ref config.Discovery);
                case ConfigKeys.Homie: return ReadFlag(member, ref config.Homie);
                case ConfigKeys.DiscoveryPrefix: return ReadText(member, ref config.DiscoveryPrefix, false);
                case ConfigKeys.HistoryBytes:
                    return ReadWhole(member, 0, ConfigKeys.MaxHistoryBytes, ref config.HistoryBytes);
                case ConfigKeys.DiagInterval:
                    return ReadWhole(member, ConfigKeys.MinDiagIntervalSeconds, ConfigKeys.MaxDiagIntervalSeconds, ref config.DiagIntervalSeconds);
                case ConfigKeys.ConfigVersion: return ReadVersion(member, ref config.ConfigVersion, stored);
                case ConfigKeys.Heartbeat:
                    return ReadWhole(member, ConfigKeys.MinHeartbeatSeconds, ConfigKeys.MaxHeartbeatSeconds, ref config.HeartbeatSeconds);
                case ConfigKeys.Snapshot: return ReadSnapshot(member, ref config.Snapshot);
                default:
                    return member.Key.StartsWith(ConfigKeys.DeadbandPrefix)
                        ? ReadDeadband(member, config)
                        : "unknown key \"" + member.Key + "\"";
            }
        }

        private static string ReadText(JsonObjectReader member, ref string field, bool mayBeEmpty)
        {
            if (member.Kind != JsonValueKind.String || (!mayBeEmpty && member.StringValue.Length == 0))
            {
                return "\"" + member.Key + "\" must be a " + (mayBeEmpty ? "string" : "non-empty string");
            }

            field = member.StringValue;
            return null;
        }

        /// <summary>The masked value the node publishes means "keep the current secret", so a copied config round-trips.</summary>
        private static string ReadSecret(JsonObjectReader member, ref string field)
        {
            if (member.Kind == JsonValueKind.String && member.StringValue == ConfigWriter.Mask)
            {
                return null;
            }

            return ReadText(member, ref field, true);
        }

        private static string ReadWhole(JsonObjectReader member, int min, int max, ref int field)
        {
            double value = member.NumberValue;
            if (member.Kind != JsonValueKind.Number || value != (int)value || value < min || value > max)
            {
                return "\"" + member.Key + "\" must be a whole number from " + min + " to " + max;
            }

            field = (int)value;
            return null;
        }

        /// <summary>The node counts applied changes itself: a client may only repeat the current count.</summary>
        private static string ReadVersion(JsonObjectReader member, ref long field, bool stored)
        {
            double value = member.NumberValue;
            if (member.Kind != JsonValueKind.Number || value != (long)value || value < 0)
            {
                return "\"" + member.Key + "\" must be a whole number from 0";
            }

            if (stored)
            {
                field = (long)value;
                return null;
            }

            if ((long)value != field)
            {
                return "\"" + member.Key + "\" is read-only: the node counts applied changes itself (it is " + field + ")";
            }

            return null;
        }

        private static string ReadSnapshot(JsonObjectReader member, ref SnapshotMode field)
        {
            string value = member.Kind == JsonValueKind.String ? member.StringValue : null;
            if (value == "off")
            {
                field = SnapshotMode.Off;
            }
            else if (value == "change")
            {
                field = SnapshotMode.OnChange;
            }
            else if (value == "cycle")
            {
                field = SnapshotMode.EveryCycle;
            }
            else
            {
                return "\"" + member.Key + "\" must be \"off\", \"change\" or \"cycle\"";
            }

            return null;
        }

        /// <summary>"deadband_temperature": 0.2 — any quantity the node knows, 0 or more in its unit.</summary>
        private static string ReadDeadband(JsonObjectReader member, NodeConfig config)
        {
            Quantity quantity = Quantity.Named(member.Key.Substring(ConfigKeys.DeadbandPrefix.Length));
            if (quantity == null)
            {
                return "unknown key \"" + member.Key + "\" (no quantity named so)";
            }

            double value = member.NumberValue;
            if (member.Kind != JsonValueKind.Number || value < 0 || value > MaxDeadband)
            {
                return "\"" + member.Key + "\" must be a number from 0 to " + MaxDeadband + " (" + quantity.Unit + ")";
            }

            config.Deadbands[quantity.Index] = value;
            return null;
        }

        private const double MaxDeadband = 1000000;

        private static string ReadFlag(JsonObjectReader member, ref bool field)
        {
            if (member.Kind != JsonValueKind.Boolean)
            {
                return "\"" + member.Key + "\" must be true or false";
            }

            field = member.BooleanValue;
            return null;
        }
    }
}
