using System;
using SensorNode.Core.Sensors.Sensirion;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Sensirion SHT3x (SHT30/31/35) humidity and temperature sensor as an <see cref="System.Device.I2c.I2cDevice"/>,
    /// at command level: the real Iot.Device.Sht3x binding (or the firmware's driver) talks to it exactly as to the part
    /// on a Linux I2C bus. It measures an <see cref="IAmbient"/> when a measurement command arrives, and can be told to
    /// fail (<see cref="VirtualSensirionChip.Fault"/>).
    /// </summary>
    /// <remarks>
    /// Answers the single-shot measurements without clock stretching at all three repeatabilities, soft reset, heater
    /// on/off and read status (<see cref="Sht3xCommands"/>); other commands are not acknowledged. Without clock stretching
    /// the chip does not acknowledge its address while it measures (datasheet, readout for single shot modes), nor for the 1.5 ms of a soft
    /// reset; after that one read returns temperature and humidity, each a word with its CRC: T = -45 + 175·raw/65535 °C,
    /// RH = 100·raw/65535 % (conversion of signal output). <see cref="ChipFault.StuckMeasurement"/>: the chip keeps answering, but every
    /// measurement returns the last one it made before the fault (the first one after it, if it had made none).
    /// </remarks>
    public sealed class VirtualSht3x : VirtualSensirionChip
    {
        /// <summary>ADDR pin to VSS: the default.</summary>
        public const int DefaultAddress = 0x44;

        /// <summary>ADDR pin to VDD.</summary>
        public const int AlternateAddress = 0x45;

        /// <summary>Its entry in the host's chip table (<see cref="VirtualChips"/> finds it there): the core's model, its address.</summary>
        public static readonly VirtualChip Chip = new VirtualChip(Sht3xFamily.Sht3x, DefaultAddress, (ambient, clock, bus) => new VirtualSht3x(DefaultAddress, ambient, clock, bus));

        private double _busyUntil = double.NegativeInfinity;
        private ushort _status = Sht3xCommands.StatusAfterReset;
        private ushort[] _lastMeasurement;

        /// <param name="address">0x44 or 0x45, as the ADDR pin selects.</param>
        /// <param name="ambient">What the chip measures.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="System.Device.I2c.I2cDevice.ConnectionSettings"/>.</param>
        public VirtualSht3x(int address, IAmbient ambient, Func<double> clockSeconds = null, int busId = 1)
            : base(CheckedAddress(address), ambient, clockSeconds, busId)
        {
        }

        /// <summary>The raw word the chip reports for a temperature: round((T + 45) · 65535 / 175), within 0..65535.</summary>
        public static ushort TemperatureRaw(double celsius)
        {
            return ToWord((celsius + 45.0) * 65535.0 / 175.0);
        }

        /// <summary>The raw word the chip reports for a relative humidity: round(RH · 65535 / 100), within 0..65535.</summary>
        public static ushort HumidityRaw(double percent)
        {
            return ToWord(percent * 65535.0 / 100.0);
        }

        protected override bool IsListening(double now)
        {
            return now >= _busyUntil;
        }

        protected override bool Execute(ushort command, ushort[] arguments, double now)
        {
            if (arguments.Length != 0)
            {
                return false; // none of the commands modelled takes data
            }

            if (Sht3xCommands.IsSingleShotMeasurement(command))
            {
                Answer(Measure());
                _busyUntil = now + (Sht3xCommands.MeasurementMs(command) / 1000.0);
                return true;
            }

            switch (command)
            {
                case Sht3xCommands.SoftReset:
                    _status = Sht3xCommands.StatusAfterReset; // heater off, as after power-on
                    _busyUntil = now + (Sht3xCommands.SoftResetMs / 1000.0);
                    return true;
                case Sht3xCommands.HeaterEnable:
                    _status |= Sht3xCommands.StatusHeaterOn;
                    return true;
                case Sht3xCommands.HeaterDisable:
                    _status &= unchecked((ushort)~Sht3xCommands.StatusHeaterOn);
                    return true;
                case Sht3xCommands.ReadStatus:
                    Answer(_status);
                    return true;
                default:
                    return false;
            }
        }

        private static int CheckedAddress(int address)
        {
            if (address != DefaultAddress && address != AlternateAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "An SHT3x answers at 0x44 or 0x45 only.");
            }

            return address;
        }

        private static ushort ToWord(double value)
        {
            return (ushort)Math.Clamp(Math.Round(value), 0.0, 65535.0);
        }

        private ushort[] Measure()
        {
            if (!IsStuck || _lastMeasurement == null)
            {
                _lastMeasurement = new[] { TemperatureRaw(Ambient.TemperatureC), HumidityRaw(Ambient.HumidityPercent) };
            }

            return _lastMeasurement;
        }
    }
}
