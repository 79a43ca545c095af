using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// Bosch's double-precision compensation formulas (BME280 datasheet section 8.1, BMP280 datasheet section 8.1):
    /// raw ADC values and the trimming parameters to °C, Pa and %RH. The virtual chip runs them backwards to find the
    /// ADC values a real chip would report for a given ambient.
    /// </summary>
    public sealed class Bmx280Compensation
    {
        private readonly Bmx280Calibration _c;

        public Bmx280Compensation(Bmx280Calibration calibration)
        {
            _c = calibration ?? throw new ArgumentNullException(nameof(calibration));
        }

        /// <summary>
        /// Temperature in °C from the 20-bit temperature ADC value, and t_fine, the fine temperature the pressure and
        /// humidity formulas take (an int32 in the datasheet's code, hence the truncation).
        /// </summary>
        public double Temperature(int adcT, out int tFine)
        {
            double linear = ((adcT / 16384.0) - (_c.DigT1 / 1024.0)) * _c.DigT2;
            double offset = (adcT / 131072.0) - (_c.DigT1 / 8192.0);
            double quadratic = offset * offset * _c.DigT3;
            tFine = (int)(linear + quadratic);
            return (linear + quadratic) / 5120.0;
        }

        /// <summary>Pressure in Pa from the 20-bit pressure ADC value and t_fine.</summary>
        public double Pressure(int adcP, int tFine)
        {
            double var1 = (tFine / 2.0) - 64000.0;
            double var2 = var1 * var1 * _c.DigP6 / 32768.0;
            var2 += var1 * _c.DigP5 * 2.0;
            var2 = (var2 / 4.0) + (_c.DigP4 * 65536.0);
            var1 = ((_c.DigP3 * var1 * var1 / 524288.0) + (_c.DigP2 * var1)) / 524288.0;
            var1 = (1.0 + (var1 / 32768.0)) * _c.DigP1;
            if (var1 == 0.0)
            {
                return 0.0; // the datasheet's guard against dividing by zero (dig_P1 = 0 on an unprogrammed part)
            }

            double p = 1048576.0 - adcP;
            p = (p - (var2 / 4096.0)) * 6250.0 / var1;
            double square = _c.DigP9 * p * p / 2147483648.0;
            double linear = p * _c.DigP8 / 32768.0;
            return p + ((square + linear + _c.DigP7) / 16.0);
        }

        /// <summary>Relative humidity in % (clamped to 0..100 as the datasheet does) from the 16-bit humidity ADC value and t_fine.</summary>
        public double Humidity(int adcH, int tFine)
        {
            double h = tFine - 76800.0;
            double offset = (_c.DigH4 * 64.0) + (_c.DigH5 / 16384.0 * h);
            double gain = _c.DigH2 / 65536.0 * (1.0 + (_c.DigH6 / 67108864.0 * h * (1.0 + (_c.DigH3 / 67108864.0 * h))));
            h = (adcH - offset) * gain;
            h *= 1.0 - (_c.DigH1 * h / 524288.0);
            return Math.Clamp(h, 0.0, 100.0);
        }
    }
}
