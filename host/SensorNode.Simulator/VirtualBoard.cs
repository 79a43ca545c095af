using System;
using System.Collections.Generic;
using System.Device.I2c;
using System.Linq;
using SensorNode.Core;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Outputs;
using SensorNode.HostBoard.Sensors;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The simulator's board profile: which virtual chips (<see cref="VirtualChips"/>) sit on the I2C bus and which
    /// outputs exist. The chips are found by the core's SensorFinder with the chip table, as on the device; the console
    /// gets them by sensor id.
    /// </summary>
    public sealed class VirtualBoard
    {
        private readonly VirtualI2cBus _bus = new VirtualI2cBus();
        private readonly Dictionary<string, IFaultableChip> _chipsBySensorId = new Dictionary<string, IFaultableChip>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _chipNames = new List<string>();
        private readonly List<OutputSpec> _outputs = new List<OutputSpec>();
        private readonly ConsoleLog _log;
        private readonly IClock _clock;

        /// <param name="seed">Seed of the weather its chips measure (each chip adds its index).</param>
        public VirtualBoard(SimulatorOptions options, int seed, IClock clock, ConsoleLog log)
        {
            _log = log;
            _clock = clock;
            foreach (string chip in options.Chips)
            {
                I2cDevice device = VirtualChips.Named(chip).Make(new DriftingAmbient(seed + _chipNames.Count));
                _bus.Attach(device);
                _chipNames.Add(chip.ToUpperInvariant() + " at 0x" + device.ConnectionSettings.DeviceAddress.ToString("x2"));
            }

            _outputs.AddRange(options.OutputSpecs);
        }

        public IEnumerable<string> SensorIds => _chipsBySensorId.Keys;

        /// <summary>The chip behind a sensor id, or null.</summary>
        public IFaultableChip Chip(string sensorId)
        {
            return _chipsBySensorId.TryGetValue(sensorId, out IFaultableChip chip) ? chip : null;
        }

        /// <summary>The chips the bus search finds, read through the real bindings, and every output starting off.</summary>
        public void AttachTo(Node node)
        {
            foreach (ISensor sensor in SensorFinder.Find(_bus, ChipTable.All(), new HostChipBindings(_bus), _clock, _log))
            {
                node.AddSensor(sensor);
                _chipsBySensorId[sensor.Id] = (IFaultableChip)_bus.Device(((GuardedSensor)sensor).Address);
            }

            VirtualOutputs outputs = new VirtualOutputs(_log.Board);
            foreach (OutputSpec output in _outputs)
            {
                node.AddOutput(output, outputs);
            }
        }

        public string Describe()
        {
            return "virtual board: I2C " + string.Join(", ", _chipNames) + "; outputs "
                + string.Join(", ", _outputs.Select(o => o.Id + " (" + o.Kind.Name + ")"));
        }
    }
}
