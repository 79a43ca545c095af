using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// Bosch's floating-point compensation formulas for the BME680 (datasheet sections 3.3.1 to 3.3.3 and 3.4.1): raw ADC
    /// values and the trimming parameters to °C, Pa, %RH and Ω. The virtual chip runs them backwards to find the ADC
    /// values a real chip would report for a given ambient.
    /// </summary>
    public sealed class Bme680Compensation
    {
        // Per gas_range, the datasheet's two range constants (const_array1 and const_array2, section 3.4.1) written as
        // percent corrections: to 1, and to 8 MΩ / 2^gas_range.
        private static readonly double[] RangeGainErrorPercent =
            { 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, -0.8, 0.0, 0.0, -0.2, -0.5, 0.0, -1.0, 0.0, 0.0 };

        private static readonly double[] RangeScaleErrorPercent =
            { 0.0, 0.0, 0.0, 0.0, 0.1, 0.7, 0.0, -0.8, -0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 };

        private readonly Bme680Calibration _c;

        public Bme680Compensation(Bme680Calibration calibration)
        {
            _c = calibration ?? throw new ArgumentNullException(nameof(calibration));
        }

        /// <summary>The number of gas ranges (gas_range_r is 4 bits).</summary>
        public static int GasRanges => RangeGainErrorPercent.Length;

        /// <summary>
        /// Temperature in °C from the 20-bit temperature ADC value, and t_fine, the fine temperature the pressure and
        /// humidity formulas take (a double in the floating-point formulas: not truncated, unlike the BME280's).
        /// </summary>
        public double Temperature(int adcT, out double tFine)
        {
            double linear = ((adcT / 16384.0) - (_c.ParT1 / 1024.0)) * _c.ParT2;
            double offset = (adcT / 131072.0) - (_c.ParT1 / 8192.0);
            double quadratic = offset * offset * (_c.ParT3 * 16.0);
            tFine = linear + quadratic;
            return tFine / 5120.0;
        }

        /// <summary>Pressure in Pa from the 20-bit pressure ADC value and t_fine.</summary>
        public double Pressure(int adcP, double tFine)
        {
            double var1 = (tFine / 2.0) - 64000.0;
            double var2 = var1 * var1 * (_c.ParP6 / 131072.0);
            var2 += var1 * _c.ParP5 * 2.0;
            var2 = (var2 / 4.0) + (_c.ParP4 * 65536.0);
            var1 = ((_c.ParP3 * var1 * var1 / 16384.0) + (_c.ParP2 * var1)) / 524288.0;
            var1 = (1.0 + (var1 / 32768.0)) * _c.ParP1;
            if (var1 == 0.0)
            {
                return 0.0; // an unprogrammed part (par_p1 = 0): the formulas' guard against dividing by zero
            }

            double p = 1048576.0 - adcP;
            p = (p - (var2 / 4096.0)) * 6250.0 / var1;
            double square = _c.ParP9 * p * p / 2147483648.0;
            double linear = p * (_c.ParP8 / 32768.0);
            double cube = (p / 256.0) * (p / 256.0) * (p / 256.0) * (_c.ParP10 / 131072.0);
            return p + ((square + linear + cube + (_c.ParP7 * 128.0)) / 16.0);
        }

        /// <summary>Relative humidity in % (clamped to 0..100 as the formulas do) from the 16-bit humidity ADC value and t_fine.</summary>
        public double Humidity(int adcH, double tFine)
        {
            double celsius = tFine / 5120.0;
            double offset = (_c.ParH1 * 16.0) + ((_c.ParH3 / 2.0) * celsius);
            double gain = (_c.ParH2 / 262144.0) * (1.0 + ((_c.ParH4 / 16384.0) * celsius) + ((_c.ParH5 / 1048576.0) * celsius * celsius));
            double linear = (adcH - offset) * gain;
            double curvature = (_c.ParH6 / 16384.0) + ((_c.ParH7 / 2097152.0) * celsius);
            return Math.Clamp(linear + (curvature * linear * linear), 0.0, 100.0);
        }

        /// <summary>
        /// Gas resistance in Ω from the 10-bit gas ADC value and the range the chip measured it in: each range step halves
        /// the resistance a code stands for.
        /// </summary>
        public double GasResistance(int adcG, int gasRange)
        {
            double switching = (1340.0 + (5.0 * _c.RangeSwitchingError)) * (1.0 + (RangeGainErrorPercent[gasRange] / 100.0));
            double scale = 1.0 + (RangeScaleErrorPercent[gasRange] / 100.0);
            return switching / (scale * 0.000000125 * (1 << gasRange) * (adcG - 512.0 + switching));
        }
    }
}
