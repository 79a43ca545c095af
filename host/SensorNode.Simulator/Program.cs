using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Telemetry;
using SensorNode.HostBoard;
using SensorNode.HostBoard.Brokers;
using SensorNode.HostBoard.Connection;
using SensorNode.HostBoard.Mqtt;
using SensorNode.HostBoard.Security;

namespace SensorNode.Simulator
{
    /// <summary>
    /// Composition root of the simulator, the host twin of the device's Program: options → broker → virtual board
    /// → the portable core → main loop, until Ctrl+C or SIGTERM, then an orderly stop ("offline" published).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "sign")
            {
                return SignCommand.Run(args[1..]);
            }

            SimulatorOptions options;
            try
            {
                options = SimulatorOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message + " (--help lists the options)");
                return 2;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(SimulatorOptions.Usage);
                return 0;
            }

            ConsoleLog log = new ConsoleLog();
            EmbeddedBroker broker = null;
            if (options.UsesEmbeddedBroker)
            {
                try
                {
                    broker = EmbeddedBroker.Start(options.EmbeddedPort);
                }
                catch (SocketException ex)
                {
                    Console.Error.WriteLine("cannot start the embedded broker on localhost:" + options.EmbeddedPort + ": " + ex.Message);
                    Console.Error.WriteLine("Is another broker running there? Use it with --broker localhost:" + options.EmbeddedPort + ", or pick another --port.");
                    return 1;
                }

                log.Board("embedded MQTT broker (" + broker.Name + ") on localhost:" + broker.Port + "; watch it: mosquitto_sub -h localhost -p " + broker.Port + " -t '" + options.Prefix + "/#' -v");
            }

            try
            {
                return Run(options, broker, log);
            }
            finally
            {
                broker?.Dispose();
            }
        }

        private static int Run(SimulatorOptions options, EmbeddedBroker broker, ConsoleLog log)
        {
            ISettingsStore settings = options.StateDirectory == null ? new MemorySettingsStore() : new FileSettingsStore(options.StateDirectory);
            ConfigStore configStore = new ConfigStore(settings);
            NodeConfig config = configStore.LoadOrDefault(FirstBootConfig(options, broker));
            if (configStore.LoadError != null)
            {
                log.Warn(configStore.LoadError);
            }

            HostClock clock = new HostClock();
            VirtualBoard board = new VirtualBoard(options, clock, log);
            log.Board(board.Describe());

            using MqttNetLink mqtt = new MqttNetLink(options.Ca);
            if (options.Ca != null)
            {
                log.Board("TLS: the broker's certificate must chain to " + options.Ca.Certificate.Subject + " from " + options.CaFile);
            }

            Node node = new Node(config, configStore, new ConsoleTraceLink(mqtt, log), new HostNetwork(), new HostHealth(), clock, log);
            node.UseConnectRunner(new BackgroundConnectRunner());
            node.UseWatchdog(new HostRestart(log), MainLoopWatchdog.DefaultBoundMs);
            board.AttachTo(node);
            if (options.ConfigKey != null)
            {
                node.RequireSignedConfig(options.ConfigKey, new HostHmacSha256());
                log.Board("config key provisioned: connection settings change only with a signed config");
            }

            node.Start();

            using ManualResetEventSlim stopRequested = new ManualResetEventSlim(false);
            Action<PosixSignalContext> requestStop = context =>
            {
                context.Cancel = true; // stop in order below instead of dying here
                stopRequested.Set();
            };
            using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, requestStop);
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, requestStop);

            new ControlConsole(board, log).Start(Console.In);
            log.Board(ControlConsole.Help + "; Ctrl+C stops the node");

            NodeLoop loop = new NodeLoop(node);
            stopRequested.Wait();
            bool stopped = loop.Stop();
            log.Board(stopped ? "stopped" : "the main loop did not stop in time");
            return stopped ? 0 : 1;
        }

        private static NodeConfig FirstBootConfig(SimulatorOptions options, EmbeddedBroker broker)
        {
            NodeConfig config = new NodeConfig(options.NodeId ?? HostIdentity.NodeIdFromMac());
            config.TopicPrefix = options.Prefix;
            config.PublishIntervalSeconds = options.IntervalSeconds;
            config.KeepAliveSeconds = options.KeepAliveSeconds;
            config.BrokerHost = broker != null ? broker.Host : options.BrokerHost;
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
