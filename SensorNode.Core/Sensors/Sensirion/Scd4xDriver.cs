using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// The core's SCD4x driver, over the project's I2C interface (Sensirion's SCD4x datasheet, section 3): the chip
    /// measures every 5 s in periodic mode; each read asks get_data_ready_status and, when a measurement is waiting,
    /// read_measurement (CO₂ ppm, temperature, humidity, each word CRC-checked). Between measurements it reports
    /// <see cref="ReadOutcome.NotReady"/>; a chip that has had nothing new for <see cref="StaleAfterMs"/> has hung.
    /// </summary>
    public sealed class Scd4xDriver : ISensorDriver
    {
        public const int StartPeriodicMeasurement = 0x21B1;
        public const int GetDataReadyStatus = 0xE4B8;
        public const int ReadMeasurement = 0xEC05;
        public const int MeasurementIntervalMs = 5000;

        /// <summary>Three measurement intervals without a new one: the chip's conversions have stopped.</summary>
        public const int StaleAfterMs = 3 * MeasurementIntervalMs;

        private readonly II2cBus _bus;
        private readonly IClock _clock;
        private readonly SensirionCommand _start = new SensirionCommand(StartPeriodicMeasurement, 0, 0);
        private readonly SensirionCommand _dataReady = new SensirionCommand(GetDataReadyStatus, 1, 1);
        private readonly SensirionCommand _read = new SensirionCommand(ReadMeasurement, 3, 1);
        private bool _started;
        private long _lastNewMs;

        public Scd4xDriver(II2cBus bus, int address, IClock clock)
        {
            _bus = bus;
            Address = address;
            _clock = clock;
        }

        public int Address { get; }

        public string Error { get; private set; }

        [SteadyState]
        public ReadOutcome Measure(double[] values)
        {
            long now = _clock.UptimeMs;
            if (!_started)
            {
                return Start(now);
            }

            string error = _dataReady.Run(_bus, Address);
            if (error != null)
            {
                return Failed(error);
            }

            if ((_dataReady.Word(0) & 0x07FF) == 0)
            {
                return now - _lastNewMs > StaleAfterMs ? FailedStale() : ReadOutcome.NotReady;
            }

            error = _read.Run(_bus, Address);
            if (error != null)
            {
                return Failed(error);
            }

            values[0] = _read.Word(0);
            values[1] = -45 + 175.0 * _read.Word(1) / 65536;
            values[2] = 100.0 * _read.Word(2) / 65536;
            _lastNewMs = now;
            return ReadOutcome.Measured;
        }

        /// <summary>
        /// Starts periodic measurement. A chip already measuring (the driver restarting after a bus error) does not
        /// take the command; that is no error: data-ready tells whether it runs.
        /// </summary>
        [ColdPath("once at boot and after a bus error")]
        private ReadOutcome Start(long now)
        {
            _start.Run(_bus, Address);
            _started = true;
            _lastNewMs = now;
            return ReadOutcome.NotReady;
        }

        /// <summary>A failed transfer may mean the chip lost power: start it again at the next read.</summary>
        [ColdPath("the bus or the chip failed")]
        private ReadOutcome Failed(string error)
        {
            Error = error;
            _started = false;
            return ReadOutcome.Failed;
        }

        [ColdPath("the chip's conversions stopped")]
        private ReadOutcome FailedStale()
        {
            Error = "no new measurement for " + (StaleAfterMs / 1000) + " s; conversions stuck";
            return ReadOutcome.Failed;
        }
    }
}
