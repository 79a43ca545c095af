using SensorNode.Benchmarks.Fakes;
using SensorNode.Core.Actuators;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Discovery;
using SensorNode.Core;
using SensorNode.Core.Board;
using System;
using SensorNode.Core.Config;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.HostBoard;
using SensorNode.HostBoard.Connection;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// Composes a node the way a board's Program does, with what every figure shares: node id "a1b2c3" (an
    /// ESP32-style id), one BME280 "bme280" (the core's guard and id probe over a steady binding) and the outputs
    /// "relay" and "led". The caller supplies the parts a figure is about: link, clock, outputs, broker.
    /// </summary>
    public static class BenchNode
    {
        public const string NodeId = "a1b2c3";
        public const string SensorId = "bme280";

        /// <summary>Indoor readings of a BME280 (°C, %RH, hPa); every figure uses the same ones.</summary>
        public const double Temperature = 21.53;
        public const double Humidity = 45.24;
        public const double Pressure = 1013.27;

        /// <summary>A clock the bench moves by hand (<see cref="FakeClock.Now"/>), with wall-clock time known (as after SNTP on the device).</summary>
        public static FakeClock Clock() => new FakeClock { TimeKnown = true, Utc = new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc) };

        /// <summary>Every reading and a snapshot each cycle: the per-cycle figures' node. <see cref="FirmwareDefaults"/> reports by exception.</summary>
        public static NodeConfig DefaultConfig()
        {
            NodeConfig config = new NodeConfig(NodeId);
            config.Snapshot = SnapshotMode.EveryCycle;
            Array.Clear(config.Deadbands);
            return config;
        }

        /// <summary>The device's defaults: report by exception with heartbeats, no snapshot.</summary>
        public static NodeConfig FirmwareDefaults() => new NodeConfig(NodeId);

        /// <summary>
        /// A BME280 as the device reads one: the core's guard over its id probe and a binding that reads the figures'
        /// weather.
        /// </summary>
        public static ISensor Bme280() => Bme280(new SteadyBinding(new[] { Temperature, Humidity, Pressure }));

        /// <summary>A BME280 as the device reads one, its values from <paramref name="binding"/> (temperature, humidity, pressure).</summary>
        public static ISensor Bme280(IChipBinding binding) => new GuardedSensor(SensorId, BoschFamily.Bme280, new ProbedBindingDriver(
            new SteadyBoschBus(), 0x76, new BoschIdProbe(BoschFamily.Bme280Id), binding));

        /// <summary>A started node, connected (its connect thread done, its probe back); its first <see cref="Node.Poll"/> runs the first telemetry cycle.</summary>
        public static Node Start(NodeConfig config, IMqttLink link, IClock clock, ILog log, IDigitalOutput relay, IDigitalOutput led)
            => Start(config, link, clock, log, relay, led, Bme280());

        /// <summary>As <see cref="Start(NodeConfig, IMqttLink, IClock, ILog, IDigitalOutput, IDigitalOutput)"/> with the given BME280.</summary>
        public static Node Start(NodeConfig config, IMqttLink link, IClock clock, ILog log, IDigitalOutput relay, IDigitalOutput led, ISensor bme280)
        {
            Node node = new Node(config, new ConfigStore(new Tests.Fakes.MemorySettingsStore()), link, new HostNetwork(), new HostHealth(), clock, log);
            node.AddSensor(bme280);
            node.AddActuator("relay", relay, false);
            node.AddActuator("led", led, false);
            node.UseRandom(new FakeRandom()); // every reconnect delay 0: a bench whose clock it steps itself connects at its first poll
            node.UseConnectRunner(new BackgroundConnectRunner());
            TelemetryPublisher telemetry = new TelemetryPublisher(node.Context);
            node.AddPart(new ActuatorController(node.Context));
            node.AddPart(telemetry);
            node.AddPart(new DiagnosticsPart(node.Context, telemetry));
            node.AddPart(new HomeAssistantDiscovery(node.Context));
            node.Start();
            for (int turn = 0; turn < 200 && !node.IsOnline; turn++)
            {
                node.Poll();
                node.WaitForWork(50);
            }

            return node.IsOnline ? node : throw new InvalidOperationException("the bench node did not get online: " + node.LastError);
        }
    }
}
