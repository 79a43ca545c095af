using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// Sensirion SHT3x (SHT30/31/35) at 0x44/0x45: temperature and humidity. Found by its status register (a word
    /// with a valid CRC); read by the core's own driver (<see cref="Driver"/>, below).
    /// </summary>
    public sealed class Sht3xFamily : IChipFamily
    {
        public const int MeasureHighRepeatability = 0x2400;

        /// <summary>The datasheet's longest high-repeatability measurement is 15.5 ms.</summary>
        public const int MeasurementMs = 16;

        public const int ReadStatus = 0xF32D;

        // SHT3x datasheet, section 2: -40..125 °C, 0..100 %RH.
        public static readonly ChipModel Sht3x = new ChipModel("sht3x", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 125),
            new QuantityRange(Quantity.Humidity, 0, 100),
        });

        private static readonly int[] BusAddresses = { 0x44, 0x45 };
        private static readonly ChipModel[] FamilyModels = { Sht3x };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        public ChipModel Identify(II2cBus bus, int address)
        {
            return new SensirionCommand(ReadStatus, 1, 1).Run(bus, address) == null ? Sht3x : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new Driver(bus, address, clock);
        }

        /// <summary>
        /// The core's SHT3x driver (Sensirion's SHT3x datasheet, section 4): one single-shot measurement at high
        /// repeatability without clock stretching, temperature and humidity each a CRC-checked word, the full 16-bit
        /// resolution kept. Two-phase: a read sends the measurement command and returns <see cref="ReadOutcome.Pending"/>;
        /// the read <see cref="MeasurementMs"/> later collects the result (the chip does not acknowledge its address
        /// while it measures). Why not nanoFramework's binding: docs/board-apis.md.
        /// </summary>
        public sealed class Driver : TwoPhaseDriver
        {
            private readonly SensirionCommand _measure = new SensirionCommand(MeasureHighRepeatability, 2, MeasurementMs);
            private bool _measuring;
            private long _readyAtMs;

            public Driver(II2cBus bus, int address, IClock clock)
                : base(bus, address, clock)
            {
            }

            [SteadyState]
            public override ReadOutcome Measure(double[] values)
            {
                long now = Clock.UptimeMs;
                string error;
                if (!_measuring)
                {
                    error = _measure.Send(Bus, Address);
                    if (error != null)
                    {
                        return Failed(error);
                    }

                    _measuring = true;
                    _readyAtMs = now + MeasurementMs;
                    MsUntilReady = MeasurementMs;
                    return ReadOutcome.Pending;
                }

                if (now < _readyAtMs)
                {
                    MsUntilReady = (int)(_readyAtMs - now);
                    return ReadOutcome.Pending;
                }

                _measuring = false;
                error = _measure.Receive(Bus, Address);
                if (error != null)
                {
                    return Failed(error);
                }

                values[0] = -45 + 175.0 * _measure.Word(0) / 65535;
                values[1] = 100.0 * _measure.Word(1) / 65535;
                return ReadOutcome.Measured;
            }

            [ColdPath("the bus or the chip failed")]
            private ReadOutcome Failed(string error)
            {
                Error = error;
                _measuring = false;
                return ReadOutcome.Failed;
            }
        }
    }
}
