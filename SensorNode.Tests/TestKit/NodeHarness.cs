using System.Collections;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Discovery;
using SensorNode.Core;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Parts;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Core.Telemetry;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests
{
    /// <summary>
    /// A node on fake hardware: a BME280 "bme280" (the core's guarded sensor over a fake driver), actuators "relay"
    /// and "led". Test classes stay
    /// static (nanoFramework's launcher creates no instances), so each test makes its own harness.
    /// </summary>
    public sealed class NodeHarness
    {
        public const string NodeId = "node1";
        public readonly FakeMqttLink Link = new FakeMqttLink();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeNetwork Network = new FakeNetwork();
        public readonly MemorySettingsStore Store = new MemorySettingsStore();
        public readonly FakeBoardHealth Health = new FakeBoardHealth();
        public readonly ListLog Log = new ListLog();

        /// <summary>The reconnect jitter: by default every delay is 0 (attempts at once); <c>Random.Top = true</c> gives the window's top.</summary>
        public readonly FakeRandom Random = new FakeRandom();

        /// <summary>Where connect attempts run: within the poll that starts them, or held (<c>Connector.Hold = true</c>).</summary>
        public readonly FakeConnectRunner Connector = new FakeConnectRunner();
        public readonly FakeOutput Relay = new FakeOutput();
        public readonly FakeOutput Led = new FakeOutput();
        /// <summary>The driver of sensor "bme280" (temperature, humidity, pressure), read through the core's guard.</summary>
        public readonly FakeSensorDriver Sensor = new FakeSensorDriver(new double[] { 21.456, 45.06, 1013.254 });

        /// <summary>Sensors added after "bme280" when the node starts.</summary>
        public readonly ArrayList ExtraSensors = new ArrayList();

        /// <summary>Set before <see cref="Start"/> to give the node a dimmer "strip" (boot level 0, safe level 0) after "led".</summary>
        public FakeDimmer Strip;

        /// <summary>When set before <see cref="Start"/>, an output on this PWM output: <see cref="ArmSpec"/> (any PWM kind), else a servo "arm" at boot and safe angle 90.</summary>
        public FakePwm Arm;

        public OutputSpec ArmSpec;

        /// <summary>Set before <see cref="Start"/>: the relay's failsafes in seconds (0: none), as a board profile sets them.</summary>
        public int RelayMaxOnSeconds;
        public int RelayOfflineSafeSeconds;

        /// <summary>Set before <see cref="Start"/>: the strip's maximum on-time in seconds (0: none).</summary>
        public int StripMaxOnSeconds;

        /// <summary>Set before <see cref="Start"/> to provision a config key (signed connection changes, checked with <see cref="Hmac"/>).</summary>
        public byte[] ConfigKey;

        /// <summary>Set before <see cref="Start"/>: the HMAC-SHA256 a config key is used with; null: <see cref="FakeHmacSha256"/>.</summary>
        public IHmacSha256 Hmac;

        /// <summary>Set before <see cref="Start"/> to connect on the node's own connect thread instead of <see cref="Connector"/>.</summary>
        public bool RealConnectThread;

        /// <summary>Set before <see cref="Start"/> to give the node a main-loop watchdog (60 s) that restarts through it.</summary>
        public FakeRestart Watchdog;

        /// <summary>Parts added after the node's own and Home Assistant's when the node starts.</summary>
        public readonly ArrayList Parts = new ArrayList();

        public Node Node;

        /// <summary>Builds the node from what <see cref="Store"/> holds (defaults when empty) and starts it.</summary>
        public NodeHarness Start()
        {
            Build();
            Node.Start();
            return this;
        }

        /// <summary>
        /// Builds the node as <see cref="Start"/> does without starting it, for a test that adds a part made with the
        /// node's <see cref="Node.Context"/> before it calls <c>Node.Start()</c>.
        /// </summary>
        public NodeHarness Build()
        {
            NodeConfig defaults = FirmwareDefaults ? new NodeConfig(NodeId) : EveryReading(new NodeConfig(NodeId));
            if (NotSetUp)
            {
                defaults.BrokerHost = ""; // a first boot without a broker: setup mode
            }

            ConfigStore store = new ConfigStore(Store);
            Node = new Node(store.LoadOrDefault(defaults), store, Link, Network, Health, Clock, Log);
            if (!RealConnectThread)
            {
                Node.UseConnectRunner(Connector);
            }
            Node.UseRandom(Random);
            if (Watchdog != null)
            {
                Node.UseWatchdog(Watchdog, 60000);
            }
            Node.AddSensor(new GuardedSensor("bme280", BoschFamily.Bme280, Sensor));
            foreach (ISensor extra in ExtraSensors)
            {
                Node.AddSensor(extra);
            }

            if (ConfigKey != null)
            {
                Node.RequireSignedConfig(ConfigKey, Hmac != null ? Hmac : new FakeHmacSha256());
            }

            Node.AddActuator("relay", Relay, false).UseFailsafe(RelayMaxOnSeconds, RelayOfflineSafeSeconds);
            Node.AddActuator("led", Led, false);
            if (Strip != null)
            {
                Node.AddDimmer("strip", Strip, 0, 0).UseFailsafe(StripMaxOnSeconds, 0);
            }

            if (Arm != null)
            {
                Node.AddOutput(ArmSpec ?? OutputSpec.Servo("arm", 0, 90, 90), new FakeOutputs(Arm));
            }
            AddOwnParts(Node);
            Node.AddPart(new HomeAssistantDiscovery(Node.Context));
            foreach (INodePart part in Parts)
            {
                Node.AddPart(part);
            }

            return this;
        }

        /// <summary>
        /// Every reading published and a snapshot every cycle: what most tests of other behaviour assume. Report by
        /// exception (the defaults) has tests of its own.
        /// </summary>
        public static NodeConfig EveryReading(NodeConfig config)
        {
            config.Snapshot = SnapshotMode.EveryCycle;
            for (int i = 0; i < config.Deadbands.Length; i++)
            {
                config.Deadbands[i] = 0;
            }

            return config;
        }

        /// <summary>Set before <see cref="Start"/> to boot without a broker (setup mode) unless the store holds settings.</summary>
        public bool NotSetUp;

        /// <summary>Set before <see cref="Start"/> to boot with the firmware's own defaults (report by exception, no snapshot).</summary>
        public bool FirmwareDefaults;

        public static NodeHarness Started()
        {
            NodeHarness harness = new NodeHarness().Start();
            harness.Node.Poll();
            return harness;
        }

        public string Base
        {
            get { return Node.Topics.Base; }
        }

        /// <summary>Moves time forward and lets the node do what is due.</summary>
        public void Advance(long ms)
        {
            Clock.Now += ms;
            Node.Poll();
        }

        /// <summary>Delivers a live (not retained) message to "{base}{suffix}" and lets the node handle it.</summary>
        public void Send(string suffix, string payload)
        {
            Send(suffix, payload, false);
        }

        public void Send(string suffix, string payload, bool retained)
        {
            Link.Deliver(Base + suffix, payload, retained);
            Node.Poll();
        }

        public string LastPayload(string suffix)
        {
            PublishedMessage message = Link.Last(Base + suffix);
            return message == null ? null : message.Payload;
        }

        public string LastEvent()
        {
            return LastPayload("/event");
        }

        /// <summary>The parts of SensorNode's own topics, as Program.cs adds them: actuators, telemetry, diagnostics.</summary>
        public static void AddOwnParts(Node node)
        {
            TelemetryPublisher telemetry = new TelemetryPublisher(node.Context);
            node.AddPart(new ActuatorController(node.Context));
            node.AddPart(telemetry);
            node.AddPart(new DiagnosticsPart(node.Context, telemetry));
        }

        /// <summary>
        /// The Home Assistant announcement as Home Assistant holds it: the last payload of each of its pieces'
        /// retained topics ("homeassistant/device/{node}/config" and "…/device/{node}/{piece}/config"), one per line
        /// in the order they first went out.
        /// </summary>
        public string HomeAssistantAnnouncement()
        {
            ArrayList topics = new ArrayList();
            foreach (PublishedMessage message in Link.Published)
            {
                if (message.Topic.StartsWith("homeassistant/device/" + NodeId + "/") && message.Topic.EndsWith("/config") && !topics.Contains(message.Topic))
                {
                    topics.Add(message.Topic);
                }
            }

            string announcement = "";
            foreach (string topic in topics)
            {
                announcement += (announcement.Length > 0 ? "\n" : "") + Link.Last(topic).Payload;
            }

            return announcement;
        }
    }
}
