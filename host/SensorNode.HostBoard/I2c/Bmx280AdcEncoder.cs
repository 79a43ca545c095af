using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The inverse of <see cref="Bmx280Compensation"/>: the raw ADC value a chip with these trimming parameters reports for
    /// a physical value. Each formula is monotonic in its ADC value over the whole range, so bisection finds the code whose
    /// compensated value is nearest; pressure and humidity also depend on the temperature through t_fine.
    /// </summary>
    public sealed class Bmx280AdcEncoder
    {
        private const int FullResolutionBits = 20;
        private const int HumidityResolutionBits = 16;

        private readonly Bmx280Compensation _compensation;

        public Bmx280AdcEncoder(Bmx280Compensation compensation)
        {
            _compensation = compensation ?? throw new ArgumentNullException(nameof(compensation));
        }

        /// <summary>
        /// The 20-bit temperature ADC value for <paramref name="celsius"/>, quantised to <paramref name="resolutionBits"/>
        /// (16..20: the low bits of a coarser conversion read as zero, BME280 datasheet section 3.4.3).
        /// </summary>
        public int TemperatureAdc(double celsius, int resolutionBits)
        {
            return Search(code => _compensation.Temperature(code, out _), resolutionBits, celsius);
        }

        /// <summary>t_fine for a temperature ADC value, as the pressure and humidity formulas need it.</summary>
        public int FineTemperature(int adcT)
        {
            _compensation.Temperature(adcT, out int tFine);
            return tFine;
        }

        /// <summary>The 20-bit pressure ADC value for <paramref name="hectopascals"/> at temperature t_fine, quantised like the temperature.</summary>
        public int PressureAdc(double hectopascals, int tFine, int resolutionBits)
        {
            return Search(code => _compensation.Pressure(code, tFine), resolutionBits, hectopascals * 100.0);
        }

        /// <summary>The 16-bit humidity ADC value for <paramref name="percent"/> at temperature t_fine.</summary>
        public int HumidityAdc(double percent, int tFine)
        {
            int count = 1 << HumidityResolutionBits;
            return MonotonicSearch.Nearest(code => _compensation.Humidity(code, tFine), count, percent);
        }

        private static int Search(Func<int, double> compensate, int resolutionBits, double target)
        {
            if (resolutionBits < 16 || resolutionBits > FullResolutionBits)
            {
                throw new ArgumentOutOfRangeException(nameof(resolutionBits), resolutionBits, "The BMx280 converts with 16 to 20 bits.");
            }

            int shift = FullResolutionBits - resolutionBits;
            int step = MonotonicSearch.Nearest(k => compensate(k << shift), 1 << resolutionBits, target);
            return step << shift;
        }
    }
}
