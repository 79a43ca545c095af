using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The inverse of <see cref="Bme680Compensation"/>: the raw ADC values a BME680 with these trimming parameters
    /// reports for physical values. Each formula is monotonic in its ADC value over the whole range, so bisection finds
    /// the code whose compensated value is nearest; pressure and humidity also depend on the temperature through t_fine.
    /// </summary>
    public sealed class Bme680AdcEncoder
    {
        private const int FullResolutionBits = 20;
        private const int HumidityResolutionBits = 16;
        private const int GasResolutionBits = 10;

        private readonly Bme680Compensation _compensation;

        public Bme680AdcEncoder(Bme680Compensation compensation)
        {
            _compensation = compensation ?? throw new ArgumentNullException(nameof(compensation));
        }

        /// <summary>
        /// The 20-bit temperature ADC value for <paramref name="celsius"/>, quantised to <paramref name="resolutionBits"/>
        /// (16..20: the low bits of a coarser conversion read as zero).
        /// </summary>
        public int TemperatureAdc(double celsius, int resolutionBits)
        {
            return Search(code => _compensation.Temperature(code, out _), resolutionBits, celsius);
        }

        /// <summary>t_fine for a temperature ADC value, as the pressure and humidity formulas need it.</summary>
        public double FineTemperature(int adcT)
        {
            _compensation.Temperature(adcT, out double tFine);
            return tFine;
        }

        /// <summary>The 20-bit pressure ADC value for <paramref name="hectopascals"/> at temperature t_fine, quantised like the temperature.</summary>
        public int PressureAdc(double hectopascals, double tFine, int resolutionBits)
        {
            return Search(code => _compensation.Pressure(code, tFine), resolutionBits, hectopascals * 100.0);
        }

        /// <summary>The 16-bit humidity ADC value for <paramref name="percent"/> at temperature t_fine.</summary>
        public int HumidityAdc(double percent, double tFine)
        {
            return MonotonicSearch.Nearest(code => _compensation.Humidity(code, tFine), 1 << HumidityResolutionBits, percent);
        }

        /// <summary>
        /// The gas ADC code and range for <paramref name="ohms"/>. The ranges overlap (one spans a factor of about 2.2,
        /// the next halves the resistance); of the codes that come nearest in each range, the nearest of all is taken.
        /// </summary>
        public Bme680GasAdc GasAdc(double ohms)
        {
            Bme680GasAdc best = default;
            double bestError = double.PositiveInfinity;
            for (int range = 0; range < Bme680Compensation.GasRanges; range++)
            {
                int r = range;
                int code = MonotonicSearch.Nearest(k => _compensation.GasResistance(k, r), 1 << GasResolutionBits, ohms);
                double error = Math.Abs(_compensation.GasResistance(code, range) - ohms);
                if (error < bestError)
                {
                    bestError = error;
                    best = new Bme680GasAdc(code, range);
                }
            }

            return best;
        }

        private static int Search(Func<int, double> compensate, int resolutionBits, double target)
        {
            if (resolutionBits < 16 || resolutionBits > FullResolutionBits)
            {
                throw new ArgumentOutOfRangeException(nameof(resolutionBits), resolutionBits, "The BME680 converts with 16 to 20 bits.");
            }

            int shift = FullResolutionBits - resolutionBits;
            int step = MonotonicSearch.Nearest(k => compensate(k << shift), 1 << resolutionBits, target);
            return step << shift;
        }
    }
}
