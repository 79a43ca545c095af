using System;
using SensorNode.Core.Sensors.Aosong;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// An Aosong AHT20 temperature and humidity sensor at 0x38, at command level (AHT20 datasheet): the status request
    /// 0x71, the trigger 0xAC 0x33 0x00 (busy for 80 ms, then the measurement of the <see cref="IAmbient"/> at the
    /// trigger is ready), initialise 0xBE 0x08 0x00 (sets the calibrated bit; 10 ms) and soft reset 0xBA (not listening
    /// for 20 ms); other writes are not acknowledged. Every read returns the status byte followed by the last finished
    /// measurement (while one runs, the one before it) and its CRC, laid out by the core's <see cref="Aht20Family.Encode"/> (the same code the driver
    /// decodes with; the unit tests check it against the datasheet's formulas). <see cref="ChipFault.StuckMeasurement"/>:
    /// every measurement returns the last one made before the fault.
    /// </summary>
    public sealed class VirtualAht20 : VirtualCommandChip
    {
        /// <summary>Its entry in the host's chip table (<see cref="VirtualChips"/> finds it there): the core's model, its address.</summary>
        public static readonly VirtualChip Chip = new VirtualChip(Aht20Family.Aht20, Aht20Family.Address, (ambient, clock, bus) => new VirtualAht20(ambient, clock, bus));

        /// <summary>Status bit 4, which real chips show set beside the calibrated bit (0x18 when idle).</summary>
        private const int StatusReserved = 0x10;

        private double _busyUntil = double.NegativeInfinity;
        private double _listeningFrom = double.NegativeInfinity;
        private double _temperature = double.NaN;
        private double _humidity = double.NaN;
        private double _nextTemperature = double.NaN;
        private double _nextHumidity = double.NaN;
        private bool _measured;
        private bool _measuring;

        /// <param name="ambient">What the chip measures.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="System.Device.I2c.I2cDevice.ConnectionSettings"/>.</param>
        /// <param name="calibrated">False for a chip whose calibrated bit is clear until it is initialised.</param>
        public VirtualAht20(IAmbient ambient, Func<double> clockSeconds = null, int busId = 1, bool calibrated = true)
            : base(Aht20Family.Address, ambient, clockSeconds, busId)
        {
            Calibrated = calibrated;
        }

        /// <summary>The status byte's calibrated bit.</summary>
        public bool Calibrated { get; private set; }

        protected override bool IsListening(double now)
        {
            return now >= _listeningFrom;
        }

        protected override void OnWrite(ReadOnlySpan<byte> bytes, double now)
        {
            if (bytes.Length == 0)
            {
                return; // an address-only probe
            }

            if (bytes.Length == 1 && bytes[0] == Aht20Family.GetStatus)
            {
                return; // the next read starts with the status byte, as every read does
            }

            if (bytes.Length == 1 && bytes[0] == Aht20Family.SoftReset)
            {
                _measuring = false; // a conversion under way is lost
                _busyUntil = double.NegativeInfinity;
                _listeningFrom = now + (Aht20Family.SoftResetMs / 1000.0);
                return;
            }

            if (bytes.Length == 3 && bytes[0] == Aht20Family.TriggerMeasurement && bytes[1] == 0x33 && bytes[2] == 0x00)
            {
                Finish(now);
                if (!IsStuck || !_measured)
                {
                    _nextTemperature = Ambient.TemperatureC;
                    _nextHumidity = Ambient.HumidityPercent;
                }
                else
                {
                    _nextTemperature = _temperature;
                    _nextHumidity = _humidity;
                }

                _measuring = true;
                _busyUntil = now + (Aht20Family.MeasurementMs / 1000.0);
                return;
            }

            if (bytes.Length == 3 && bytes[0] == Aht20Family.Initialize && bytes[1] == 0x08 && bytes[2] == 0x00)
            {
                Calibrated = true;
                _busyUntil = now + (Aht20Family.InitializeMs / 1000.0);
                return;
            }

            throw NotAcknowledged();
        }

        protected override void OnRead(Span<byte> buffer, double now)
        {
            Finish(now);
            int status = StatusReserved | (now < _busyUntil ? Aht20Family.StatusBusy : 0) | (Calibrated ? Aht20Family.StatusCalibrated : 0);
            byte[] answer = new byte[Aht20Family.AnswerLength];
            if (_measured)
            {
                Aht20Family.Encode((byte)status, _temperature, _humidity, answer);
            }
            else
            {
                answer[0] = (byte)status; // no measurement yet: zeros, with their CRC
                answer[6] = Aht20Family.Crc(answer);
            }

            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = i < answer.Length ? answer[i] : (byte)0xFF;
            }
        }

        /// <summary>A measurement whose conversion time is over becomes the one reads return.</summary>
        private void Finish(double now)
        {
            if (_measuring && now >= _busyUntil)
            {
                _temperature = _nextTemperature;
                _humidity = _nextHumidity;
                _measured = true;
                _measuring = false;
            }
        }
    }
}
