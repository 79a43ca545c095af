using System;
using SensorNode.Core.Actuators;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Discovery;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Telemetry;
using SensorNode.HostBoard;
using SensorNode.HostBoard.Brokers;
using SensorNode.HostBoard.Connection;
using SensorNode.HostBoard.Mqtt;
using SensorNode.HostBoard.Randomness;
using SensorNode.Core.Web;
using SensorNode.HostBoard.Security;
using SensorNode.HostBoard.Web;

namespace SensorNode.Simulator
{
    /// <summary>
    /// One simulated node, composed as the device's Program composes its board: its own settings store (its
    /// "flash"), virtual board, MQTT link, randomness and main loop. A fleet is many of these in one process.
    /// </summary>
    public sealed class SimulatedNode : IDisposable
    {
        private readonly MqttNetLink _mqtt;
        private NodeLoop _loop;
        private readonly SimulatorOptions _options;
        private readonly ISettingsStore _settings;
        private readonly ConsoleLog _log;
        private TcpWebServer _web;

        /// <param name="index">0-based place in the fleet: seeds its weather and its jitter apart from the others'.</param>
        /// <param name="traceLink">Print every message crossing the link (a single node; a fleet would drown the console).</param>
        public SimulatedNode(SimulatorOptions options, EmbeddedBroker broker, string nodeId, int index, string stateDirectory, ConsoleLog log, bool traceLink)
        {
            NodeId = nodeId;
            _options = options;
            _log = log;
            ISettingsStore settings = stateDirectory == null ? new MemorySettingsStore() : new FileSettingsStore(stateDirectory);
            _settings = settings;
            ConfigStore configStore = new ConfigStore(settings);
            NodeConfig config = configStore.LoadOrDefault(FirstBootConfig(options, broker, nodeId));
            if (configStore.LoadError != null)
            {
                log.Warn(configStore.LoadError);
            }

            HostClock clock = new HostClock();
            int weatherSeed = unchecked((options.Seed ?? Environment.TickCount) + 100 * index); // VirtualBoard adds the chip's index
            Board = new VirtualBoard(options, weatherSeed, clock, log);
            log.Board(Board.Describe());

            _mqtt = new MqttNetLink(options.Ca);
            if (options.Ca != null)
            {
                log.Board("TLS: the broker's certificate must chain to " + options.Ca.Certificate.Subject + " from " + options.CaFile);
            }

            IMqttLink link = traceLink ? new ConsoleTraceLink(_mqtt, log) : _mqtt;
            Node = new Node(config, configStore, link, new HostNetwork(), new HostHealth(), clock, log);
            Node.UseConnectRunner(new BackgroundConnectRunner());
            // A stalled node restarts "the board", which on the host is the process: in a fleet, every node with it.
            Node.UseWatchdog(new HostRestart(log), options.WatchdogSeconds * 1000);
            Node.UseRandom(options.NoJitter ? new TopOfWindowRandom() : new SystemRandom(JitterSeed(options, index)));
            Node.UseNonceSource(new CryptographicNonceSource()); // never the seeded one: --seed must not make probes predictable
            Board.AttachTo(Node);
            TelemetryPublisher telemetry = new TelemetryPublisher(Node.Context);
            Node.AddPart(new ActuatorController(Node.Context));
            Node.AddPart(telemetry);
            Node.AddPart(new DiagnosticsPart(Node.Context, telemetry));
            Node.AddPart(new HomeAssistantDiscovery(Node.Context));
            Node.AddPart(new HomieAdapter(Node.Context));
            Node.AddPart(new IdentifyPart(Node.Context, "led"));
            if (options.ConfigKey != null)
            {
                Node.RequireSignedConfig(options.ConfigKey, new HostHmacSha256());
                log.Board("config key provisioned: connection settings change only with a signed config");
            }
        }

        public string NodeId { get; }

        public Node Node { get; }

        public VirtualBoard Board { get; }

        /// <summary>Starts the node and its main loop on a thread of its own.</summary>
        public void Start()
        {
            Node.Start();
            _loop = new NodeLoop(Node, "node " + NodeId);
            if (_options.WebPort != null)
            {
                StartWeb(_options.WebPort.Value);
            }
        }

        /// <summary>The node's web page (the core's <see cref="WebConsole"/>) on localhost, as the device serves it on its access point.</summary>
        private void StartWeb(int port)
        {
            string password = WebPassword.LoadOrCreate(_options.WebPassword, _settings, new SystemRandom(Random.Shared.Next()));
            _web = new TcpWebServer(port, new WebConsole(Node, password, new SimulatedWifi("sensornode-sim-wifi")));
            _log.Board("web page on http://localhost:" + _web.Port + "/ (any user name, password " + password + ")"
                + (Node.InSetupMode ? "; setup mode: no broker yet, fill in the page" : ""));
        }

        /// <summary>Asks the main loop to stop the node in order (outputs safe, "offline", DISCONNECT); see <see cref="WaitStopped"/>.</summary>
        public void BeginStop()
        {
            _loop?.BeginStop();
        }

        /// <summary>True once the node has stopped in order; false when it did not within <paramref name="timeout"/>.</summary>
        public bool WaitStopped(TimeSpan timeout)
        {
            return _loop == null || _loop.WaitStopped(timeout);
        }

        public void Dispose()
        {
            _web?.Dispose();
            _mqtt.Dispose();
        }

        /// <summary>
        /// Different per node, so a fleet's reconnects spread; with --seed also the same from run to run.
        /// </summary>
        private static int JitterSeed(SimulatorOptions options, int index)
        {
            return options.Seed.HasValue ? unchecked(options.Seed.Value * 7919 + 104_729 * (index + 1)) : Random.Shared.Next();
        }

        private static NodeConfig FirstBootConfig(SimulatorOptions options, EmbeddedBroker broker, string nodeId)
        {
            NodeConfig config = new NodeConfig(nodeId);
            config.TopicPrefix = options.Prefix;
            config.PublishIntervalSeconds = options.IntervalSeconds;
            config.KeepAliveSeconds = options.KeepAliveSeconds;
            // --setup: a first boot whose board knows no broker; the web page gives it one (setup mode).
            config.BrokerHost = options.Setup ? "" : broker != null ? broker.Host : options.BrokerHost;
            config.BrokerPort = broker != null ? broker.Port : options.BrokerPort;
            config.BrokerTls = options.Tls;
            config.BrokerUsername = options.Username;
            config.BrokerPassword = options.Password;
            if (options.EveryReading)
            {
                config.Snapshot = SnapshotMode.EveryCycle;
                Array.Clear(config.Deadbands);
            }

            return config;
        }
    }
}
