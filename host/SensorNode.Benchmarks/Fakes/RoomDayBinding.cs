using SensorNode.Benchmarks.Wire;
using SensorNode.Core.Sensors;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// A BME280 binding that reads <see cref="RoomDay"/> at the clock's time (whole seconds since the start of the
    /// day): the room plus the chip's noise, so the guard's stuck-chip check sees a working chip.
    /// </summary>
    public sealed class RoomDayBinding : IChipBinding
    {
        private readonly RoomDay _day;
        private readonly FakeClock _clock;

        public RoomDayBinding(RoomDay day, FakeClock clock)
        {
            _day = day;
            _clock = clock;
        }

        public void Measure(double[] values)
        {
            var reading = _day.Measured(_clock.Now / 1000);
            values[0] = reading.Temperature;
            values[1] = reading.Humidity;
            values[2] = reading.Pressure;
        }
    }
}
