using System;
using SensorNode.Core.Sensors.Sensirion;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Sensirion SCD4x (SCD40/41) CO2, humidity and temperature sensor as an <see cref="System.Device.I2c.I2cDevice"/>, at
    /// command level: the real Iot.Device.Scd4x binding (or the firmware's driver) talks to it exactly as to the part on a
    /// Linux I2C bus. In periodic measurement it measures an <see cref="IAmbient"/> every 5 s of its clock, and can be told
    /// to fail (<see cref="VirtualSensirionChip.Fault"/>).
    /// </summary>
    /// <remarks>
    /// Answers start/stop_periodic_measurement, get_data_ready_status, read_measurement, reinit and set_ambient_pressure
    /// (<see cref="Scd4xCommands"/>); other commands are not acknowledged. The first result is ready 5 s after
    /// start_periodic_measurement, the next 5 s later, and so on; results the host misses are overwritten by the newest.
    /// read_measurement returns CO2 in ppm, T = -45 + 175·raw/65536 °C and RH = 100·raw/65536 %, each a word with its CRC,
    /// and empties the buffer: data-ready clears, and a read_measurement with no new data is answered by a read header
    /// that is not acknowledged (datasheet, read_measurement). During periodic measurement the datasheet allows only
    /// read_measurement, get_data_ready_status, stop_periodic_measurement and set_ambient_pressure; this model does not
    /// acknowledge the others, so a driver that sends one fails loudly. Command execution times (1 ms for most, 500 ms
    /// for stop_periodic_measurement) are not modelled. The pressure set for compensation is accepted and, as CO2 comes
    /// straight from the ambient, has no effect. <see cref="ChipFault.StuckMeasurement"/>: the chip keeps answering, but
    /// data-ready is never set again and read_measurement returns the last result, however often it is read (and is not
    /// acknowledged if there never was one).
    /// </remarks>
    public sealed class VirtualScd4x : VirtualSensirionChip
    {
        /// <summary>The SCD4x's only address.</summary>
        public const int Address = 0x62;

        /// <summary>Its entry in the host's chip table (<see cref="VirtualChips"/> finds it there): the core's model, its address.</summary>
        public static readonly VirtualChip Chip = new VirtualChip(Scd4xFamily.Scd4x, Address, (ambient, clock, bus) => new VirtualScd4x(ambient, clock, bus));

        private bool _measuringPeriodically;
        private double _periodicSince;
        private long _intervalsDelivered;
        private bool _dataReady;
        private ushort[] _lastResult;

        /// <param name="ambient">What the chip measures.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="System.Device.I2c.I2cDevice.ConnectionSettings"/>.</param>
        public VirtualScd4x(IAmbient ambient, Func<double> clockSeconds = null, int busId = 1)
            : base(Address, ambient, clockSeconds, busId)
        {
        }

        /// <summary>The word the chip reports for a CO2 concentration: whole ppm, within its output range 0..40000.</summary>
        public static ushort Co2Word(double ppm)
        {
            return (ushort)Math.Clamp(Math.Round(ppm), 0.0, 40000.0);
        }

        /// <summary>The raw word for a temperature: round((T + 45) · 65536 / 175), within 0..65535.</summary>
        public static ushort TemperatureRaw(double celsius)
        {
            return ToWord((celsius + 45.0) * 65536.0 / 175.0);
        }

        /// <summary>The raw word for a relative humidity: round(RH · 65536 / 100), within 0..65535.</summary>
        public static ushort HumidityRaw(double percent)
        {
            return ToWord(percent * 65536.0 / 100.0);
        }

        protected override bool Execute(ushort command, ushort[] arguments, double now)
        {
            Advance(now);
            if (command == Scd4xCommands.SetAmbientPressure)
            {
                return arguments.Length == 1;
            }

            if (arguments.Length != 0)
            {
                return false;
            }

            switch (command)
            {
                case Scd4xCommands.StartPeriodicMeasurement:
                    if (_measuringPeriodically)
                    {
                        return false;
                    }

                    _measuringPeriodically = true;
                    _periodicSince = now;
                    _intervalsDelivered = 0;
                    _dataReady = false;
                    return true;
                case Scd4xCommands.StopPeriodicMeasurement:
                    _measuringPeriodically = false; // also accepted while idle: drivers send it first to get a known state
                    return true;
                case Scd4xCommands.GetDataReadyStatus:
                    // Bit 15 set too: only the low 11 bits mean anything, and a driver that compares the whole word is caught.
                    Answer((ushort)(_dataReady ? 0x8006 : 0x8000));
                    return true;
                case Scd4xCommands.ReadMeasurement:
                    if (_dataReady || (IsStuck && _lastResult != null))
                    {
                        Answer(_lastResult);
                        _dataReady = false;
                    }

                    return true;
                case Scd4xCommands.Reinit:
                    return !_measuringPeriodically;
                case Scd4xCommands.GetSerialNumber:
                    if (_measuringPeriodically)
                    {
                        return false;
                    }

                    Answer(0x0F1E, 0x2D3C, 0x4B5A);
                    return true;
                default:
                    return false;
            }
        }

        protected override void OnFaultChanging(ChipFault from, ChipFault to, double now)
        {
            Advance(now); // what finished before the fault stays finished
            if (from == ChipFault.StuckMeasurement && to != ChipFault.StuckMeasurement)
            {
                _intervalsDelivered = IntervalsSinceStart(now); // healed: the next result comes at the next interval's end
            }
        }

        private static ushort ToWord(double value)
        {
            return (ushort)Math.Clamp(Math.Round(value), 0.0, 65535.0);
        }

        /// <summary>Delivers the result of the latest interval that ended, if the host has not seen it.</summary>
        private void Advance(double now)
        {
            if (!_measuringPeriodically || IsStuck)
            {
                return;
            }

            long intervals = IntervalsSinceStart(now);
            if (intervals > _intervalsDelivered)
            {
                _intervalsDelivered = intervals;
                _lastResult = new[] { Co2Word(Ambient.Co2Ppm), TemperatureRaw(Ambient.TemperatureC), HumidityRaw(Ambient.HumidityPercent) };
                _dataReady = true;
            }
        }

        private long IntervalsSinceStart(double now)
        {
            return (long)Math.Floor((now - _periodicSince) / Scd4xCommands.MeasurementIntervalSeconds);
        }
    }
}
