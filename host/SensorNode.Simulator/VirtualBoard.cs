using System;
using System.Collections.Generic;
using System.Linq;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Outputs;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The simulator's board profile: which virtual chips sit on the I2C bus and which outputs exist. The chips are
    /// found by the core's BoschSensorFinder as on the device; the console gets them by sensor id.
    /// </summary>
    public sealed class VirtualBoard
    {
        private static readonly int[] SensorAddresses = { VirtualBmx280.SecondaryAddress, VirtualBmx280.PrimaryAddress };
        private readonly VirtualI2cBus _bus = new VirtualI2cBus();
        private readonly Dictionary<string, VirtualBmx280> _chipsBySensorId = new Dictionary<string, VirtualBmx280>(StringComparer.OrdinalIgnoreCase);
        private readonly List<VirtualOutput> _outputs = new List<VirtualOutput>();
        private readonly ConsoleLog _log;

        public VirtualBoard(SimulatorOptions options, ConsoleLog log)
        {
            _log = log;
            int seed = options.Seed ?? Environment.TickCount;
            _bus.Attach(new VirtualBmx280(BoschVariant.Bme280, VirtualBmx280.SecondaryAddress, new DriftingAmbient(seed)));
            if (options.WithBmp280)
            {
                _bus.Attach(new VirtualBmx280(BoschVariant.Bmp280, VirtualBmx280.PrimaryAddress, new DriftingAmbient(seed + 1)));
            }

            foreach (string id in options.Outputs)
            {
                _outputs.Add(new VirtualOutput(id, output => log.Board("output " + output.Id + " is " + (output.IsOn ? "ON" : "OFF"))));
            }
        }

        public IEnumerable<string> SensorIds => _chipsBySensorId.Keys;

        /// <summary>The chip behind a sensor id, or null.</summary>
        public VirtualBmx280 Chip(string sensorId)
        {
            return _chipsBySensorId.TryGetValue(sensorId, out VirtualBmx280 chip) ? chip : null;
        }

        /// <summary>The chips the bus search finds, read through the real binding, and every output starting off.</summary>
        public void AttachTo(Node node)
        {
            foreach (ISensor sensor in BoschSensorFinder.Find(_bus, SensorAddresses, _log))
            {
                node.AddSensor(sensor);
                int address = ((BoschSensor)sensor).Address;
                _chipsBySensorId[sensor.Id] = _bus.Chips.Single(chip => chip.ConnectionSettings.DeviceAddress == address);
            }

            foreach (VirtualOutput output in _outputs)
            {
                node.AddActuator(output.Id, output, false, false);
            }
        }

        public string Describe()
        {
            IEnumerable<string> chips = _bus.Chips.Select(chip => chip.Variant.ToString().ToUpperInvariant() + " at 0x" + chip.ConnectionSettings.DeviceAddress.ToString("x2"));
            return "virtual board: I2C " + string.Join(", ", chips) + "; outputs " + string.Join(", ", _outputs.Select(o => o.Id));
        }
    }
}
