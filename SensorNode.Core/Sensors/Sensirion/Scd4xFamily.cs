using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// Sensirion SCD4x (SCD40/SCD41) at 0x62: CO₂, temperature, humidity. Found by its serial number (three words
    /// with valid CRCs) when idle, or by its data-ready status (a word with a valid CRC) when a previous run left it
    /// measuring; read by the core's own driver (<see cref="Driver"/>, below; docs/board-apis.md says why).
    /// </summary>
    public sealed class Scd4xFamily : IChipFamily
    {
        public const int GetSerialNumber = 0x3682;
        public const int StartPeriodicMeasurement = 0x21B1;
        public const int GetDataReadyStatus = 0xE4B8;
        public const int ReadMeasurement = 0xEC05;
        public const int MeasurementIntervalMs = 5000;

        /// <summary>Three measurement intervals without a new one: the chip's conversions have stopped.</summary>
        public const int StaleAfterMs = 3 * MeasurementIntervalMs;

        // SCD4x datasheet, section 1: CO₂ output 0..40000 ppm, -10..60 °C, 0..100 %RH.
        public static readonly ChipModel Scd4x = new ChipModel("scd4x", new QuantityRange[]
        {
            new QuantityRange(Quantity.Co2, 0, 40000),
            new QuantityRange(Quantity.Temperature, -10, 60),
            new QuantityRange(Quantity.Humidity, 0, 100),
        });

        private static readonly int[] BusAddresses = { 0x62 };
        private static readonly ChipModel[] FamilyModels = { Scd4x };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        /// <summary>
        /// The serial number, which the chip answers only when idle; else the data-ready status, which it also answers
        /// while measuring (the chip keeps power across a reset of the board, so a previous run may have left it so).
        /// No stop_periodic_measurement: the chip would take no command for 500 ms after it (datasheet, section 3.5.2).
        /// </summary>
        public ChipModel Identify(II2cBus bus, int address)
        {
            if (new SensirionCommand(GetSerialNumber, 3, 1).Run(bus, address) == null)
            {
                return Scd4x;
            }

            return new SensirionCommand(GetDataReadyStatus, 1, 1).Run(bus, address) == null ? Scd4x : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new Driver(bus, address, clock);
        }

        /// <summary>
        /// The core's SCD4x driver, over the project's I2C interface (Sensirion's SCD4x datasheet, section 3): the chip
        /// measures every 5 s in periodic mode; each read asks get_data_ready_status and, when a measurement is waiting,
        /// read_measurement (CO₂ ppm, temperature, humidity, each word CRC-checked). Between measurements it reports
        /// <see cref="ReadOutcome.NotReady"/>; a chip that has had nothing new for <see cref="StaleAfterMs"/> has hung.
        /// Two-phase, as every driver: each command's response is collected on a later read, its execution time (1 ms)
        /// after it was sent (<see cref="ReadOutcome.Pending"/> in between), so a read never waits for the chip.
        /// </summary>
        public sealed class Driver : TwoPhaseDriver
        {
            private const int Idle = 0;
            private const int AskedDataReady = 1;
            private const int AskedMeasurement = 2;

            private readonly SensirionCommand _start = new SensirionCommand(StartPeriodicMeasurement, 0, 0);
            private readonly SensirionCommand _dataReady = new SensirionCommand(GetDataReadyStatus, 1, 1);
            private readonly SensirionCommand _read = new SensirionCommand(ReadMeasurement, 3, 1);
            private bool _started;
            private long _lastNewMs;
            private int _phase;
            private long _answerAtMs;

            public Driver(II2cBus bus, int address, IClock clock)
                : base(bus, address, clock)
            {
            }

            [SteadyState]
            public override ReadOutcome Measure(double[] values)
            {
                long now = Clock.UptimeMs;
                if (!_started)
                {
                    return Start(now);
                }

                if (_phase == Idle)
                {
                    return Ask(_dataReady, AskedDataReady, now);
                }

                if (now < _answerAtMs)
                {
                    MsUntilReady = (int)(_answerAtMs - now);
                    return ReadOutcome.Pending;
                }

                if (_phase == AskedDataReady)
                {
                    _phase = Idle;
                    string error = _dataReady.Receive(Bus, Address);
                    if (error != null)
                    {
                        return Failed(error);
                    }

                    if ((_dataReady.Word(0) & 0x07FF) == 0)
                    {
                        return now - _lastNewMs > StaleAfterMs ? FailedStale() : ReadOutcome.NotReady;
                    }

                    return Ask(_read, AskedMeasurement, now);
                }

                _phase = Idle;
                string readError = _read.Receive(Bus, Address);
                if (readError != null)
                {
                    return Failed(readError);
                }

                values[0] = _read.Word(0);
                values[1] = -45 + 175.0 * _read.Word(1) / 65536;
                values[2] = 100.0 * _read.Word(2) / 65536;
                _lastNewMs = now;
                return ReadOutcome.Measured;
            }

            /// <summary>Sends <paramref name="command"/>; its answer is collected by a read its execution time later.</summary>
            private ReadOutcome Ask(SensirionCommand command, int phase, long now)
            {
                string error = command.Send(Bus, Address);
                if (error != null)
                {
                    return Failed(error);
                }

                _phase = phase;
                _answerAtMs = now + command.ExecutionMs;
                MsUntilReady = command.ExecutionMs;
                return ReadOutcome.Pending;
            }

            /// <summary>
            /// Starts periodic measurement. A chip already measuring (left so by a previous run: the search no longer
            /// stops it) does not take the command; that is no error: data-ready tells whether it runs.
            /// </summary>
            [ColdPath("once at boot and after a bus error")]
            private ReadOutcome Start(long now)
            {
                _start.Send(Bus, Address);
                _started = true;
                _phase = Idle;
                _lastNewMs = now;
                return ReadOutcome.NotReady;
            }

            /// <summary>A failed transfer may mean the chip lost power: start it again at the next read.</summary>
            [ColdPath("the bus or the chip failed")]
            private ReadOutcome Failed(string error)
            {
                Error = error;
                _started = false;
                _phase = Idle;
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
}
