using SensorNode.Benchmarks.Fakes;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// Composes a node the way a board's Program does, with what every figure shares: node id "a1b2c3" (an
    /// ESP32-style id), one BME280 "bme280" (the core's BoschSensor over a steady driver) and the outputs
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

        public static NodeConfig DefaultConfig() => new NodeConfig(NodeId);

        /// <summary>The core's BoschSensor over a driver that reads the figures' weather, as the device reads a BME280.</summary>
        public static ISensor Bme280() => new BoschSensor(SensorId, BoschChipKind.Bme280, new SteadyBoschDriver(new[] { Temperature, Humidity, Pressure }));

        /// <summary>A started node; its first <see cref="Node.Poll"/> connects and runs the first telemetry cycle.</summary>
        public static Node Start(NodeConfig config, IMqttLink link, IClock clock, ILog log, IDigitalOutput relay, IDigitalOutput led)
        {
            Node node = new Node(config, new ConfigStore(new NoSettingsStore()), link, new HostNetwork(), clock, log);
            node.AddSensor(Bme280());
            node.AddActuator("relay", relay, false);
            node.AddActuator("led", led, false);
            node.Start();
            return node;
        }
    }
}
