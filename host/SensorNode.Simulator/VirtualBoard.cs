using System;
using System.Collections.Generic;
using SensorNode.Core;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Outputs;
using SensorNode.HostBoard.Sensors;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The simulator's board profile: which virtual chips sit on the I2C bus and which outputs exist. It plays the
    /// part the ESP32's board profile and I2C scan play on the device, and gives the console its handles.
    /// </summary>
    public sealed class VirtualBoard
    {
        private readonly Dictionary<string, VirtualBmx280> _chips = new Dictionary<string, VirtualBmx280>(StringComparer.OrdinalIgnoreCase);
        private readonly List<VirtualOutput> _outputs = new List<VirtualOutput>();
        private readonly List<(string Id, BoschChipKind Kind, VirtualBmx280 Chip)> _sensors = new List<(string, BoschChipKind, VirtualBmx280)>();

        public VirtualBoard(SimulatorOptions options, ConsoleLog log)
        {
            int seed = options.Seed ?? Environment.TickCount;
            AddChip(BoschChipKind.Bme280, BoschVariant.Bme280, 0x76, new DriftingAmbient(seed));
            if (options.WithBmp280)
            {
                AddChip(BoschChipKind.Bmp280, BoschVariant.Bmp280, 0x77, new DriftingAmbient(seed + 1));
            }

            foreach (string id in options.Outputs)
            {
                _outputs.Add(new VirtualOutput(id, output => log.Board("output " + output.Id + " is " + (output.IsOn ? "ON" : "OFF"))));
            }
        }

        public IEnumerable<string> SensorIds => _chips.Keys;

        public IReadOnlyList<VirtualOutput> Outputs => _outputs;

        /// <summary>The chip behind a sensor id, or null.</summary>
        public VirtualBmx280 Chip(string sensorId)
        {
            return _chips.TryGetValue(sensorId, out VirtualBmx280 chip) ? chip : null;
        }

        /// <summary>Every chip read through the real binding, and every output starting off, as on the device.</summary>
        public void AttachTo(Node node)
        {
            foreach ((string id, BoschChipKind kind, VirtualBmx280 chip) in _sensors)
            {
                node.AddSensor(new BoschSensor(id, kind, BindingDriver.Create(kind, chip)));
            }

            foreach (VirtualOutput output in _outputs)
            {
                node.AddActuator(output.Id, output, false, false);
            }
        }

        public string Describe()
        {
            List<string> parts = new List<string>();
            foreach ((string id, BoschChipKind _, VirtualBmx280 chip) in _sensors)
            {
                parts.Add(id + " at 0x" + chip.ConnectionSettings.DeviceAddress.ToString("x2"));
            }

            return "virtual board: " + string.Join(", ", parts) + "; outputs " + string.Join(", ", _outputs.ConvertAll(o => o.Id));
        }

        private void AddChip(BoschChipKind kind, BoschVariant variant, int address, IAmbient ambient)
        {
            string id = BoschChip.SensorId(kind, address, false);
            VirtualBmx280 chip = new VirtualBmx280(variant, address, ambient);
            _chips.Add(id, chip);
            _sensors.Add((id, kind, chip));
        }
    }
}
