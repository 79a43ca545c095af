using System.Device.Gpio;
using System.Threading;
using SensorNode.Board.Esp32;
using SensorNode.Board.Mqtt;
using SensorNode.Board.Profiles;
using SensorNode.Board.Sensors;
using SensorNode.Board.Web;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Discovery;
using SensorNode.Core.Telemetry;
using SensorNode.Core;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Config.Signing;
using SensorNode.Core.Connection;
using SensorNode.Core.Sensors;
using SensorNode.Core.Web;

namespace SensorNode
{
    /// <summary>Composition root: board profile → adapters → core → main loop. No logic of its own.</summary>
    public static class Program
    {
        public static void Main()
        {
            BoardProfile board = Esp32DevKitC.Create();
            SerialLog log = new SerialLog();
            log.Info("SensorNode on " + board.Name);

            FlashSettingsStore flash = new FlashSettingsStore(FlashSettingsStore.InternalFlashRoot);
            ConfigStore configStore = new ConfigStore(flash);
            NodeConfig config = configStore.LoadOrDefault(board.FirstBootConfig(WifiNetwork.MacNodeId()));
            if (configStore.LoadError != null)
            {
                log.Warn(configStore.LoadError);
            }

            Esp32Clock clock = new Esp32Clock();
            Node node = new Node(config, configStore, new M2MqttLink(flash.Load(board.CaCertificateFile)), new WifiNetwork(), new Esp32Health(), clock, log);
            Esp32Restart restart = new Esp32Restart(log);
            MainLoopWatchdog watchdog = node.UseWatchdog(restart, MainLoopWatchdog.DefaultBoundMs);

            ProvisionConfigKey(node, flash.Load(board.ConfigKeyFile), log);
            I2cBus bus = new I2cBus(board, log);
            bus.LogScan();
            foreach (ISensor sensor in SensorFinder.Find(bus, ChipTable.All(), new ChipBindings(bus), clock, log))
            {
                node.AddSensor(sensor);
            }

            Esp32Outputs outputs = new Esp32Outputs(new GpioController());
            foreach (OutputSpec output in board.Outputs)
            {
                node.AddOutput(output, outputs);
            }

            // The parts, in the order they run: SensorNode's own topics (docs/mqtt.md), then the protocol adapters and
            // features, which render or use the entities the parts before them declare.
            TelemetryPublisher telemetry = new TelemetryPublisher(node.Context);
            node.AddPart(new ActuatorController(node.Context));
            node.AddPart(telemetry);
            node.AddPart(new DiagnosticsPart(node.Context, telemetry));
            node.AddPart(new HomeAssistantDiscovery(node.Context));
            node.AddPart(new HomieAdapter(node.Context));
            node.AddPart(new IdentifyPart(node.Context, "led"));
            OpenWebPage(node, board, flash, clock, restart, log);
            node.Start();
            new Thread(watchdog.Run).Start(); // connecting runs on the node's connect thread; the main loop below only waits for work
            RunMainLoop(node);
        }

        /// <summary>
        /// The main loop, in a frame of its own: nanoCLR inlines the node's wait, which holds the loop most of the time,
        /// so the slots it takes are cleared right before it (<see cref="InlineFrames"/>).
        /// </summary>
        private static void RunMainLoop(Node node)
        {
            while (true)
            {
                int waitMs = node.Poll();
                InlineFrames.ClearFirstSlots(0, 0, 0);
                node.WaitForWork(waitMs);
            }
        }

        /// <summary>
        /// The web page on port 80 (docs/setup.md): the setup form while the node has no broker, on its own access
        /// point; the status page once it is set up, on the network it joined, where the board profile enables it.
        /// Both behind the node's password.
        /// </summary>
        private static void OpenWebPage(Node node, BoardProfile board, FlashSettingsStore flash, Esp32Clock clock, Esp32Restart restart, SerialLog log)
        {
            string password = WebPassword.LoadOrCreate(board.LabelPassword, flash, new HardwareRandom());
            SoftAccessPoint accessPoint = new SoftAccessPoint();
            if (node.InSetupMode && !accessPoint.Exists)
            {
                log.Error("setup mode: this board has no Wi-Fi access point to be set up on; deploy its settings with nanoff instead (docs/flashing.md)");
            }
            else if (node.InSetupMode)
            {
                string ssid = "SensorNode-" + node.Config.NodeId;
                if (!accessPoint.Configure(ssid, password))
                {
                    restart.Restart("setup mode: access point " + ssid + " saved; it opens after this restart");
                    return; // nothing to serve on until then
                }

                if (!accessPoint.StartDhcp())
                {
                    log.Error("setup mode: the DHCP server did not start; give your device an address in 192.168.4.2-254 by hand");
                }

                log.Info("setup mode: join Wi-Fi '" + ssid + "' with password " + password + " and open http://" + SoftAccessPoint.Address + "/");
            }
            else
            {
                if (accessPoint.SwitchOffFromNextBoot())
                {
                    // The ESP32 started it at this boot from its block: one restart, and it is gone.
                    restart.Restart("set up: the setup access point is switched off; restarting once without it");
                    return;
                }

                if (!board.WebPageOnceSetUp)
                {
                    log.Info("web page off once set up (BoardProfile.WebPageOnceSetUp)");
                    return;
                }

                log.Info("web page on port " + SocketWebServer.Port + " of the node's address, password " + password);
            }

            new SocketWebServer(new WebConsole(node, password, new WifiScanner(clock, log)), log).Start();
        }

        /// <summary>The key itself is never logged or published, only whether there is one.</summary>
        private static void ProvisionConfigKey(Node node, byte[] keyFile, SerialLog log)
        {
            if (keyFile == null)
            {
                log.Info("no config key: any client that may publish to config/set can change the node's connection");
                return;
            }

            byte[] key = SignedConfig.ParseKey(keyFile);
            if (key == null)
            {
                log.Warn("config key file ignored: it must hold 16 to 64 bytes as hex digits");
                return;
            }

            node.RequireSignedConfig(key, new Esp32HmacSha256());
            log.Info("config key provisioned: connection settings change only with a signed config");
        }
    }
}
