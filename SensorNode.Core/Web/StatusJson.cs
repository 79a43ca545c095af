using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Text;

namespace SensorNode.Core.Web
{
    /// <summary>
    /// What the page shows, as the JSON of "GET /s": mode (setup or node), connection state and why not online,
    /// the last reverted config trial, and once set up the readings with their age, the outputs, diagnostics and the
    /// settings with secrets masked (as on "{base}/config"); in setup mode the Wi-Fi networks the board sees.
    /// </summary>
    public static class StatusJson
    {
        public static void Write(Node node, IWifiScanner wifi, PayloadBuilder json)
        {
            NodeConfig config = node.Config;
            bool setup = node.InSetupMode;
            json.Clear().Append('{').AppendJsonKey("mode").AppendJsonString(setup ? "setup" : "node")
                .Append(',').AppendJsonKey("id").AppendJsonString(config.NodeId)
                .Append(',').AppendJsonKey("state").AppendJsonString(StateName(node.ConnectionState))
                .Append(',').AppendJsonKey("trial").Append(node.ConfigOnTrial ? "true" : "false");
            AppendText(json, "error", node.LastError);
            AppendText(json, "reverted", node.LastConfigRevert);
            if (setup)
            {
                AppendNetworks(json, wifi);
            }
            else
            {
                AppendReadings(json, node.Telemetry, node.UptimeMs);
                AppendOutputs(json, node.Actuators);
                AppendDiagnostics(json, node);
            }

            json.Append(',').AppendJsonKey("config");
            ConfigWriter.Write(config, json, true);
            json.Append('}');
        }

        private static void AppendText(PayloadBuilder json, string key, string text)
        {
            json.Append(',').AppendJsonKey(key).AppendJsonStringOrNull(text);
        }

        private static void AppendNetworks(PayloadBuilder json, IWifiScanner wifi)
        {
            string[] seen = wifi == null ? new string[0] : wifi.VisibleNetworks();
            json.Append(',').AppendJsonKey("networks").Append('[');
            for (int i = 0; i < seen.Length; i++)
            {
                json.Append(i == 0 ? "" : ",").AppendJsonString(seen[i]);
            }

            json.Append(']');
        }

        private static void AppendReadings(PayloadBuilder json, TelemetryPublisher telemetry, long nowMs)
        {
            json.Append(',').AppendJsonKey("readings").Append('[');
            ISensor[] sensors = telemetry == null ? new ISensor[0] : telemetry.Sensors;
            bool first = true;
            for (int s = 0; s < sensors.Length; s++)
            {
                Quantity[] quantities = sensors[s].Quantities;
                double[] values = telemetry.LastValuesOf(s);
                long readAt = telemetry.LastReadAtMs(s);
                for (int q = 0; q < quantities.Length; q++)
                {
                    json.Append(first ? "{" : ",{").AppendJsonKey("sensor").AppendJsonString(sensors[s].Id)
                        .Append(',').AppendJsonKey("quantity").AppendJsonString(quantities[q].Name)
                        .Append(',').AppendJsonKey("unit").AppendJsonString(quantities[q].Unit)
                        .Append(',').AppendJsonKey("value");
                    double value = values[q];
                    if (readAt < 0 || !PayloadBuilder.IsFinite(value))
                    {
                        json.Append("null");
                    }
                    else
                    {
                        json.AppendFixed(value, quantities[q].Decimals);
                    }

                    json.Append(',').AppendJsonKey("age_s").AppendInteger(readAt < 0 ? -1 : (nowMs - readAt) / 1000);
                    AppendText(json, "error", telemetry.LastErrorOf(s));
                    json.Append('}');
                    first = false;
                }
            }

            json.Append(']');
        }

        private static void AppendOutputs(PayloadBuilder json, Actuator[] actuators)
        {
            json.Append(',').AppendJsonKey("outputs").Append('[');
            int count = actuators == null ? 0 : actuators.Length;
            for (int i = 0; i < count; i++)
            {
                Actuator actuator = actuators[i];
                json.Append(i == 0 ? "{" : ",{").AppendJsonKey("id").AppendJsonString(actuator.Id)
                    .Append(',').AppendJsonKey("kind").AppendJsonString(actuator.Kind.Name)
                    .Append(',').AppendJsonKey("state").AppendJsonString(ActuatorController.StateText(actuator.IsOn))
                    .Append(',').AppendJsonKey("level").AppendInteger(actuator.Level).Append('}');
            }

            json.Append(']');
        }

        private static void AppendDiagnostics(PayloadBuilder json, Node node)
        {
            IBoardHealth health = node.Health;
            json.Append(',').AppendJsonKey("diag").Append('{')
                .AppendJsonKey("uptime_s").AppendInteger(node.UptimeMs / 1000)
                .Append(',').AppendJsonKey("boots").AppendInteger(node.Boots)
                .Append(',').AppendJsonKey("free_heap").AppendInteger(health.FreeHeapBytes);
            AppendText(json, "ip", health.IpAddress);
            int rssi;
            if (health.TryGetRssi(out rssi))
            {
                json.Append(',').AppendJsonKey("rssi").AppendInteger(rssi);
            }

            json.Append('}');
        }

        public static string StateName(ConnectionState state)
        {
            switch (state)
            {
                case ConnectionState.Connecting: return "connecting";
                case ConnectionState.Verifying: return "verifying";
                case ConnectionState.Online: return "online";
                case ConnectionState.Closed: return "closed";
                default: return "waiting";
            }
        }
    }
}
