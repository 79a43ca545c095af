using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// The core's SHT3x driver (Sensirion's SHT3x datasheet, section 4): one single-shot measurement at high
    /// repeatability without clock stretching, temperature and humidity each a CRC-checked word, the full 16-bit
    /// resolution kept. Why not nanoFramework's binding: docs/board-apis.md.
    /// </summary>
    public sealed class Sht3xDriver : ISensorDriver
    {
        public const int MeasureHighRepeatability = 0x2400;

        /// <summary>The datasheet's longest high-repeatability measurement is 15.5 ms.</summary>
        public const int MeasurementMs = 16;

        private readonly II2cBus _bus;
        private readonly SensirionCommand _measure = new SensirionCommand(MeasureHighRepeatability, 2, MeasurementMs);

        public Sht3xDriver(II2cBus bus, int address)
        {
            _bus = bus;
            Address = address;
        }

        public int Address { get; }

        public string Error { get; private set; }

        [SteadyState]
        public ReadOutcome Measure(double[] values)
        {
            string error = _measure.Run(_bus, Address);
            if (error != null)
            {
                Error = error;
                return ReadOutcome.Failed;
            }

            values[0] = -45 + 175.0 * _measure.Word(0) / 65535;
            values[1] = 100.0 * _measure.Word(1) / 65535;
            return ReadOutcome.Measured;
        }
    }
}
