using SensorNode.Core.Actuators;
using SensorNode.Core.Config;

namespace SensorNode.Board.Profiles
{
    /// <summary>
    /// Everything that differs between boards, as one table: the I2C bus and its pins (the chips on it are found by
    /// scanning with the core's chip table), the outputs (id, kind, pin, polarity, boot and safe state) and the
    /// first-boot settings. Adding a board is adding one static factory like <see cref="Esp32DevKitC"/> and
    /// choosing it in Program.cs.
    /// </summary>
    public sealed class BoardProfile
    {
        public string Name;

        /// <summary>ESP32 I2C controller number ("I2C1" in nanoFramework's DeviceFunction names).</summary>
        public int I2cBusId = 1;
        public int I2cDataGpio;
        public int I2cClockGpio;

        public OutputSpec[] Outputs = new OutputSpec[0];

        /// <summary>
        /// Used until a config is stored in flash. Empty (the default): the first boot is in setup mode, with the
        /// node's own access point and setup page (docs/setup.md), so nobody edits C# to get a node online. A host
        /// set here skips setup mode for a fleet flashed alike; change it over MQTT afterwards (docs/configuration.md).
        /// </summary>
        public string FirstBootBrokerHost = "";
        public int FirstBootBrokerPort = 1883;

        /// <summary>
        /// The node's own MQTT user (its node id, for the ACL of docs/security.md) and password; empty: none, or as the
        /// setup page sets them. Never commit them; after the first boot they live in the config in flash.
        /// </summary>
        public string FirstBootBrokerUser = "";
        public string FirstBootBrokerPassword = "";

        /// <summary>Empty: use the Wi-Fi credentials stored on the device by nanoff or Visual Studio's Device Explorer.</summary>
        public string FirstBootWifiSsid = "";
        public string FirstBootWifiPassword = "";

        /// <summary>
        /// RAM for readings taken offline ("history_bytes", docs/configuration.md) until a config says otherwise: the
        /// core's default unless the board's managed heap asks for less.
        /// </summary>
        public int FirstBootHistoryBytes = NodeConfig.DefaultHistoryBytes;

        /// <summary>File on internal flash holding the broker's CA certificate (PEM) for TLS; optional.</summary>
        public string CaCertificateFile = "ca.pem";

        /// <summary>
        /// File on internal flash holding this node's config key as hex (16 to 64 bytes), deployed with the firmware
        /// (docs/security.md); optional. With it, connection settings change only with a signed config.
        /// </summary>
        public string ConfigKeyFile = "sensornode-config-key.txt";

        /// <summary>
        /// The password of the node's access point and web page as printed on a label of this board (8 or more
        /// characters); empty: made at the first boot, kept in flash and printed on the serial console at every boot.
        /// </summary>
        public string LabelPassword = "";

        /// <summary>
        /// Whether the web page (the status page) is served on the node's network once it is set up; setup mode always
        /// serves its page. About 1.5 KB of heap while it waits for a browser (docs/setup.md, "On the device"); a board
        /// that needs them for more sensors may switch it off.
        /// </summary>
        public bool WebPageOnceSetUp = true;

        /// <summary>The settings a node with this board boots with when flash holds none.</summary>
        public NodeConfig FirstBootConfig(string nodeId)
        {
            NodeConfig config = new NodeConfig(nodeId);
            config.BrokerHost = FirstBootBrokerHost;
            config.BrokerPort = FirstBootBrokerPort;
            config.BrokerUsername = FirstBootBrokerUser;
            config.BrokerPassword = FirstBootBrokerPassword;
            config.WifiSsid = FirstBootWifiSsid;
            config.WifiPassword = FirstBootWifiPassword;
            config.HistoryBytes = FirstBootHistoryBytes;
            return config;
        }
    }
}
