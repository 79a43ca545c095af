using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// A BME280 driver for the core's <see cref="BoschSensor"/> that reads the same weather every time, with the
    /// last bit of noise a real chip has (±0.001 hPa, below the two published decimals), so the sensor's stuck-chip
    /// check sees a working chip and the published payloads stay the same. Copies into the core's buffer: no allocation.
    /// </summary>
    public sealed class SteadyBoschDriver : IBoschDriver
    {
        private readonly double[] _readings;
        private bool _odd;

        public SteadyBoschDriver(double[] readings)
        {
            _readings = readings;
        }

        public int Address => 0x76;

        public bool TryReadChipId(out byte chipId, out string busError)
        {
            chipId = BoschChip.ChipIdOf(BoschChipKind.Bme280);
            busError = null;
            return true;
        }

        public void Measure(double[] values)
        {
            Array.Copy(_readings, values, values.Length);
            _odd = !_odd;
            values[values.Length - 1] += _odd ? 0.001 : 0.0;
        }
    }
}
