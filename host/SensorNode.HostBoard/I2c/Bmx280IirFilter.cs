using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The chip's IIR low-pass filter for one quantity (BME280 datasheet section 3.4.4):
    /// filtered = (previous · (c − 1) + adc) / c. After a reset the first value passes unchanged and becomes the memory.
    /// </summary>
    internal sealed class Bmx280IirFilter
    {
        private double _memory;
        private bool _primed;

        /// <summary>Forgets the memory, as a write to config does.</summary>
        public void Reset()
        {
            _primed = false;
        }

        /// <summary>Feeds one ADC value through the filter and returns the 20-bit output.</summary>
        public int Apply(int adc, int coefficient)
        {
            _memory = _primed ? ((_memory * (coefficient - 1)) + adc) / coefficient : adc;
            _primed = true;
            return (int)Math.Round(_memory);
        }
    }
}
