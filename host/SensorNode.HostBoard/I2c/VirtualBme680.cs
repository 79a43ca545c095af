using System;
using System.Device.I2c;
using SensorNode.Core.Sensors.Bosch;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Bosch BME680 as an <see cref="I2cDevice"/>, at register level: the real Iot.Device.Bmxx80.Bme680 binding (or any
    /// other driver) talks to it exactly as to the part on a Linux I2C bus. A forced TPHG cycle measures an
    /// <see cref="IAmbient"/>, gas resistance included (<see cref="IAmbient.GasResistanceOhms"/>); the chip can be told to
    /// fail (<see cref="Fault"/>).
    /// </summary>
    /// <remarks>Bus protocol, faults and threading: <see cref="VirtualBoschDevice"/> (the BME680's shadow registers keep
    /// data stable during a burst read, datasheet section 5.3.4).</remarks>
    public sealed class VirtualBme680 : VirtualBoschDevice
    {
        /// <summary>Its entry in the host's chip table (<see cref="VirtualChips"/> finds it there): the core's model, its address.</summary>
        public static readonly VirtualChip Chip = new VirtualChip(BoschFamily.Bme680, PrimaryAddress, (ambient, clock, bus) => new VirtualBme680(PrimaryAddress, ambient, clock, bus));

        /// <param name="address">0x76 or 0x77, as the SDO pin selects.</param>
        /// <param name="ambient">What the chip measures.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="VirtualBoschDevice.ConnectionSettings"/>.</param>
        /// <param name="calibration">Trimming parameters; <see cref="Bme680Calibration.Typical"/> when null.</param>
        public VirtualBme680(
            int address,
            IAmbient ambient,
            Func<double> clockSeconds = null,
            int busId = 1,
            Bme680Calibration calibration = null)
            : base("BME680", address, new Bme680Chip(calibration ?? Bme680Calibration.Typical, ambient), ambient, clockSeconds, busId)
        {
        }
    }
}
