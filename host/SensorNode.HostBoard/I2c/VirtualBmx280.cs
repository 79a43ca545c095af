using System;
using System.Device.I2c;
using SensorNode.Core.Sensors.Bosch;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Bosch BME280 or BMP280 as an <see cref="I2cDevice"/>, at register level: the real Iot.Device.Bmxx80 binding (or any
    /// other driver) talks to it exactly as to the part on a Linux I2C bus. It measures an <see cref="IAmbient"/> when a
    /// conversion runs, and can be told to fail (<see cref="Fault"/>).
    /// </summary>
    /// <remarks>Bus protocol, faults and threading: <see cref="VirtualBoschDevice"/>.</remarks>
    public sealed class VirtualBmx280 : VirtualBoschDevice
    {
        /// <summary>Entries in the host's chip table (<see cref="VirtualChips"/> finds them there): a BME280 at 0x76 and a BMP280 at 0x77.</summary>
        public static readonly VirtualChip Bme280Chip = new VirtualChip(BoschFamily.Bme280, SecondaryAddress, (ambient, clock, bus) => new VirtualBmx280(BoschVariant.Bme280, SecondaryAddress, ambient, clock, bus));

        public static readonly VirtualChip Bmp280Chip = new VirtualChip(BoschFamily.Bmp280, PrimaryAddress, (ambient, clock, bus) => new VirtualBmx280(BoschVariant.Bmp280, PrimaryAddress, ambient, clock, bus));

        /// <param name="variant">The chip to model.</param>
        /// <param name="address">0x76 or 0x77, as the SDO pin selects.</param>
        /// <param name="ambient">What the chip measures.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="VirtualBoschDevice.ConnectionSettings"/>.</param>
        /// <param name="calibration">Trimming parameters; <see cref="Bmx280Calibration.Typical"/> when null.</param>
        public VirtualBmx280(
            BoschVariant variant,
            int address,
            IAmbient ambient,
            Func<double> clockSeconds = null,
            int busId = 1,
            Bmx280Calibration calibration = null)
            : base("BMx280", address, new Bmx280Chip(variant, calibration ?? Bmx280Calibration.Typical, ambient), ambient, clockSeconds, busId)
        {
            Variant = variant;
        }

        public BoschVariant Variant { get; }
    }
}
