using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// A BME280 binding that reads the same weather every time, with the last bit of noise a real chip has
    /// (±0.001 hPa, below the two published decimals), so the guard's stuck-chip check sees a working chip and the
    /// published payloads stay the same. Copies into the core's buffer: no allocation.
    /// </summary>
    public sealed class SteadyBinding : IChipBinding
    {
        private readonly double[] _readings;
        private bool _odd;

        public SteadyBinding(double[] readings)
        {
            _readings = readings;
        }

        public void Measure(double[] values)
        {
            Array.Copy(_readings, values, values.Length);
            _odd = !_odd;
            values[values.Length - 1] += _odd ? 0.001 : 0.0;
        }
    }
}
