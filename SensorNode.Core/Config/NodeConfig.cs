using System;
using SensorNode.Core.Board;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// The node's settings: what arrives on "{base}/config/set" and what is kept in flash. The JSON key of
    /// each field is in <see cref="ConfigKeys"/>; docs/configuration.md documents them.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>Topic segment naming this node; the board supplies a default derived from its MAC address.</summary>
        public string NodeId;
        public string TopicPrefix = "sensornode";
        public int PublishIntervalSeconds = 30;

        public string WifiSsid = "";
        public string WifiPassword = "";

        public string BrokerHost = "localhost";
        public int BrokerPort = 1883;
        public bool BrokerTls;
        public string BrokerUsername = "";
        public string BrokerPassword = "";
        public int KeepAliveSeconds = 60;
        public bool CleanSession = true;

        /// <summary>
        /// Off by default: a retained "/set" left on the broker would otherwise switch a relay at every boot.
        /// </summary>
        public bool AcceptRetainedCommands;

        /// <summary>
        /// Off by default: with <see cref="CleanSession"/> off the broker keeps commands sent while the node was away
        /// and delivers them at reconnect, maybe long after they made sense; they are ignored unless this is on.
        /// </summary>
        public bool AcceptQueuedCommands;

        /// <summary>Announce the node to Home Assistant (MQTT discovery) under <see cref="DiscoveryPrefix"/>.</summary>
        public bool Discovery = true;

        /// <summary>Home Assistant's discovery prefix; "homeassistant" unless changed there too.</summary>
        public string DiscoveryPrefix = "homeassistant";

        /// <summary>Also be a Homie 5 device ("homie/5/{node_id}"); its "$state" then holds the Last-Will.</summary>
        public bool Homie;

        /// <summary>How often the diagnostics on "{base}/diag" are published (also after every connect).</summary>
        public int DiagIntervalSeconds = 300;

        /// <summary>
        /// Read-only for clients: how many changes from "{base}/config/set" were applied, counted by
        /// <see cref="ConfigController"/> and kept in flash with the rest.
        /// </summary>
        public long ConfigVersion;

        /// <summary>
        /// Every quantity is published at least this often, changed or not (report by exception). 20 min: the longest
        /// gap that still keeps a node quieter than a third of Tasmota's and ESPHome's defaults on the wire-day bench
        /// (docs/performance.md); the Last-Will, not the heartbeat, tells a dead node from a quiet one.
        /// </summary>
        public int HeartbeatSeconds = 1200;

        /// <summary>
        /// RAM kept for readings taken while offline (store-and-forward on "{base}/history"); 0: none. 16 KB holds
        /// some 450 cycles of one BME280, nearly 4 h at the default interval. A board profile may start lower (the
        /// ESP32-DevKitC: 4 KB of its ~110 KB managed heap).
        /// </summary>
        public int HistoryBytes = DefaultHistoryBytes;

        /// <summary>"history_bytes" when neither the board profile nor a stored config sets it.</summary>
        public const int DefaultHistoryBytes = 16384;

        /// <summary>When the JSON snapshot goes out; off by default, so the node is the quietest of its peers.</summary>
        public SnapshotMode Snapshot = SnapshotMode.Off;

        /// <summary>Per quantity (at <see cref="Quantity.Index"/>): the smallest change published at once; 0 publishes every read.</summary>
        public double[] Deadbands = DefaultDeadbands();

        public NodeConfig(string nodeId)
        {
            NodeId = nodeId;
        }

        /// <summary>
        /// False for a node that has no broker yet (a first boot whose board profile names none): it does not connect
        /// and serves the setup page until settings from there get it online (docs/setup.md).
        /// </summary>
        public bool IsSetUp
        {
            get { return BrokerHost.Length > 0; }
        }

        public double DeadbandOf(Quantity quantity)
        {
            return Deadbands[quantity.Index];
        }

        public NodeConfig Clone()
        {
            NodeConfig copy = (NodeConfig)MemberwiseClone();
            copy.Deadbands = new double[Deadbands.Length];
            Array.Copy(Deadbands, copy.Deadbands, Deadbands.Length);
            return copy;
        }

        private static double[] DefaultDeadbands()
        {
            double[] deadbands = new double[Quantity.All.Length];
            for (int i = 0; i < deadbands.Length; i++)
            {
                deadbands[i] = Quantity.All[i].DefaultDeadband;
            }

            return deadbands;
        }

        /// <summary>True when applying <paramref name="other"/> needs a new broker session (or a new Wi-Fi join).</summary>
        public bool ConnectionDiffers(NodeConfig other)
        {
            return NodeId != other.NodeId
                || TopicPrefix != other.TopicPrefix
                || WifiDiffers(other)
                || BrokerHost != other.BrokerHost
                || BrokerPort != other.BrokerPort
                || BrokerTls != other.BrokerTls
                || BrokerUsername != other.BrokerUsername
                || BrokerPassword != other.BrokerPassword
                || KeepAliveSeconds != other.KeepAliveSeconds
                || CleanSession != other.CleanSession
                || Discovery != other.Discovery
                || DiscoveryPrefix != other.DiscoveryPrefix
                || Homie != other.Homie;
        }

        /// <summary>
        /// Settings that widen who can command the node: retained commands (anyone who once could publish a
        /// retained /set commands every later boot) and commands queued while offline. On a node with a config key
        /// they change only with a signed config, like the connection settings.
        /// </summary>
        public bool CommandAcceptanceDiffers(NodeConfig other)
        {
            return AcceptRetainedCommands != other.AcceptRetainedCommands || AcceptQueuedCommands != other.AcceptQueuedCommands;
        }

        public bool WifiDiffers(NodeConfig other)
        {
            return WifiSsid != other.WifiSsid || WifiPassword != other.WifiPassword;
        }
    }
}
