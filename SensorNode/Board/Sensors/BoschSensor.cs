using System;
using System.Device.I2c;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// What every Bosch Bmxx80 adapter shares: the checked presence probe before each read, and turning the
    /// binding's exceptions into <see cref="LastError"/>. The thin subclasses map one binding's read result.
    /// </summary>
    public abstract class BoschSensor : ISensor
    {
        private readonly Quantity[] _quantities;
        private readonly byte _expectedChipId;

        protected BoschSensor(string id, BoschChipKind kind, byte expectedChipId, I2cDevice device)
        {
            Id = id;
            _quantities = BoschChip.QuantitiesOf(kind);
            _expectedChipId = expectedChipId;
            Device = device;
        }

        public static BoschSensor Create(BoschChipKind kind, string id, I2cDevice device)
        {
            switch (kind)
            {
                case BoschChipKind.Bmp280: return new Bmp280Sensor(id, device);
                case BoschChipKind.Bme280: return new Bme280Sensor(id, device);
                case BoschChipKind.Bme680: return new Bme680Sensor(id, device);
                default: throw new ArgumentException("not a Bosch Bmxx80 chip");
            }
        }

        public string Id { get; }

        public Quantity[] Quantities
        {
            get { return _quantities; }
        }

        public string LastError { get; private set; }

        protected I2cDevice Device { get; }

        public bool TryRead(double[] values)
        {
            I2cTransferStatus status;
            byte chipId = BoschProbe.ReadChipId(Device, out status);
            if (status != I2cTransferStatus.FullTransfer)
            {
                LastError = "I2C 0x" + Device.ConnectionSettings.DeviceAddress.ToString("x2") + ": " + status.ToString();
                return false;
            }

            if (chipId != _expectedChipId)
            {
                LastError = "chip id 0x" + chipId.ToString("x2") + " where 0x" + _expectedChipId.ToString("x2") + " was expected";
                return false;
            }

            try
            {
                ReadInto(values);
                LastError = null;
                return true;
            }
            catch (Exception ex)
            {
                LastError = ex.GetType().Name + ": " + ex.Message;
                return false;
            }
        }

        /// <summary>One forced-mode measurement; NaN for a quantity the binding marks invalid.</summary>
        protected abstract void ReadInto(double[] values);
    }
}
