using System.Collections.Generic;
using System.Device.I2c;
using System.IO;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The simulator's I2C bus: virtual chips (.NET <see cref="I2cDevice"/>s) at their addresses, scanned by the
    /// core's SensorFinder exactly as the device's bus is. An empty address does not acknowledge; a chip's
    /// <see cref="IOException"/> (how Linux's i2c-dev reports a NACK) becomes the transfer's error.
    /// </summary>
    public sealed class VirtualI2cBus : II2cBus
    {
        public const string NoDeviceError = "address not acknowledged";
        private readonly Dictionary<int, I2cDevice> _chips = new Dictionary<int, I2cDevice>();

        public void Attach(I2cDevice chip)
        {
            _chips.Add(chip.ConnectionSettings.DeviceAddress, chip);
        }

        public IReadOnlyCollection<I2cDevice> Chips => _chips.Values;

        /// <summary>The chip at <paramref name="address"/>, for the bindings; throws when there is none, as opening a missing device would.</summary>
        public I2cDevice Device(int address)
        {
            return _chips.TryGetValue(address, out I2cDevice chip) ? chip : throw new IOException("no device at 0x" + address.ToString("x2"));
        }

        public bool WriteRead(int address, byte[] write, byte[] read, out string error)
        {
            return Transfer(address, chip => chip.WriteRead(write, read), out error);
        }

        public bool Write(int address, byte[] write, out string error)
        {
            return Transfer(address, chip => chip.Write(write), out error);
        }

        public bool Read(int address, byte[] read, out string error)
        {
            return Transfer(address, chip => chip.Read(read), out error);
        }

        private bool Transfer(int address, System.Action<I2cDevice> transfer, out string error)
        {
            if (!_chips.TryGetValue(address, out I2cDevice chip))
            {
                error = NoDeviceError;
                return false;
            }

            try
            {
                transfer(chip);
                error = null;
                return true;
            }
            catch (IOException ex)
            {
                error = ex.Message;
                return false;
            }
        }
    }
}
