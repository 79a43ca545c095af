using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard.Sensors;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The simulator's I2C bus: virtual chips at their addresses, searched by the core's BoschSensorFinder exactly
    /// as the device's bus is. An empty address does not acknowledge.
    /// </summary>
    public sealed class VirtualI2cBus : IBoschBus
    {
        private readonly Dictionary<int, VirtualBmx280> _chips = new Dictionary<int, VirtualBmx280>();

        public void Attach(VirtualBmx280 chip)
        {
            _chips.Add(chip.ConnectionSettings.DeviceAddress, chip);
        }

        public IReadOnlyCollection<VirtualBmx280> Chips => _chips.Values;

        public byte ReadChipId(int address)
        {
            if (!_chips.TryGetValue(address, out VirtualBmx280 chip))
            {
                return 0;
            }

            byte[] id = new byte[1];
            try
            {
                chip.WriteRead(new[] { BoschChip.ChipIdRegister }, id);
                return id[0];
            }
            catch (IOException)
            {
                return 0;
            }
        }

        public IBoschDriver OpenDriver(BoschChipKind kind, int address)
        {
            if (!_chips.TryGetValue(address, out VirtualBmx280 chip))
            {
                throw new IOException("no device at 0x" + address.ToString("x2"));
            }

            return BindingDriver.Create(kind, chip);
        }
    }
}
