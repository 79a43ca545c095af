using System;
using System.Device.I2c;
using SensorNode.Core.Sensors;
using UnitsNet;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// What the three nanoFramework Bmxx80 adapters share: the checked chip-id probe on the I2C device. The
    /// subclasses map one binding's read result; the core's <see cref="BoschSensor"/> does the rest.
    /// </summary>
    public abstract class BoschDriver : IBoschDriver
    {
        private readonly BoschProbe _probe = new BoschProbe();

        protected BoschDriver(I2cDevice device)
        {
            Device = device;
        }

        public static BoschDriver Create(BoschChipKind kind, I2cDevice device)
        {
            switch (kind)
            {
                case BoschChipKind.Bmp280: return new Bmp280Driver(device);
                case BoschChipKind.Bme280: return new Bme280Driver(device);
                case BoschChipKind.Bme680: return new Bme680Driver(device);
                default: throw new ArgumentException("not a Bosch Bmxx80 chip");
            }
        }

        public int Address
        {
            get { return Device.ConnectionSettings.DeviceAddress; }
        }

        protected I2cDevice Device { get; }

        public bool TryReadChipId(out byte chipId, out string busError)
        {
            I2cTransferStatus status;
            chipId = _probe.ReadChipId(Device, out status);
            busError = status == I2cTransferStatus.FullTransfer ? null : Describe(status);
            return busError == null;
        }

        public abstract void Measure(double[] values);

        // UnitsNet values are structs, and nanoCLR puts every struct local on its heap: reading a property of
        // result.Temperature in place needs a local copy per quantity and read. Passed as an argument, the value the
        // binding returned is read where it is (docs/nanoframework.md).
        protected static double DegreesCelsius(Temperature value)
        {
            return value.DegreesCelsius;
        }

        protected static double Percent(RelativeHumidity value)
        {
            return value.Percent;
        }

        protected static double Hectopascals(Pressure value)
        {
            return value.Hectopascals;
        }

        protected static double Ohms(ElectricResistance value)
        {
            return value.Ohms;
        }

        /// <summary>nanoFramework prints enums as numbers; the event should name the failure.</summary>
        private static string Describe(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "address not acknowledged (chip missing or unpowered?)";
                case I2cTransferStatus.PartialTransfer: return "transfer cut short by the chip";
                case I2cTransferStatus.ClockStretchTimeout: return "clock stretched too long (SCL held low?)";
                default: return "transfer failed";
            }
        }
    }
}
