using System;
using System.Device.I2c;
using System.IO;
using SensorNode.Core.Sensors;

namespace SensorNode.HostBoard.Sensors
{
    /// <summary>
    /// The host twin of the device's BoschDriver: .NET IoT's Bmxx80 binding (Iot.Device.Bindings) on an
    /// <see cref="I2cDevice"/>, with the checked chip-id probe. On .NET a failed transfer is an
    /// <see cref="IOException"/>, as Linux's i2c-dev reports a NACK; on nanoFramework it is a transfer status.
    /// </summary>
    public abstract class BindingDriver : IBoschDriver
    {
        private readonly byte[] _idRegister = { BoschChip.ChipIdRegister };
        private readonly byte[] _id = new byte[1];

        protected BindingDriver(I2cDevice device)
        {
            Device = device;
        }

        public static BindingDriver Create(BoschChipKind kind, I2cDevice device)
        {
            switch (kind)
            {
                case BoschChipKind.Bmp280: return new Bmp280BindingDriver(device);
                case BoschChipKind.Bme280: return new Bme280BindingDriver(device);
                default: throw new ArgumentException("the host board has drivers for the BMP280 and BME280 only: " + kind);
            }
        }

        public int Address => Device.ConnectionSettings.DeviceAddress;

        protected I2cDevice Device { get; }

        public bool TryReadChipId(out byte chipId, out string busError)
        {
            try
            {
                Device.WriteRead(_idRegister, _id);
                chipId = _id[0];
                busError = null;
                return true;
            }
            catch (IOException ex)
            {
                chipId = 0;
                busError = ex.Message;
                return false;
            }
        }

        public abstract void Measure(double[] values);

        protected static double ValueOrNaN(double? value)
        {
            return value ?? double.NaN;
        }
    }
}
