namespace SensorNode.HostBoard.I2c
{
    /// <summary>How long the chip's conversions and normal-mode pauses take.</summary>
    public static class Bmx280Timing
    {
        // t_standby per config.t_sb[2:0]; the last two codes differ between the chips
        // (BME280 datasheet table 27: 10 ms, 20 ms; BMP280 datasheet table 11: 2 s, 4 s).
        private static readonly double[] Bme280StandbyMs = { 0.5, 62.5, 125, 250, 500, 1000, 10, 20 };
        private static readonly double[] Bmp280StandbyMs = { 0.5, 62.5, 125, 250, 500, 1000, 2000, 4000 };

        /// <summary>The oversampling factor of an osrs_x code: 0 (skipped), 1, 2, 4, 8, 16 (codes 5..7 all mean 16).</summary>
        public static int OversamplingFactor(int code)
        {
            switch (code & 7)
            {
                case 0: return 0;
                case 1: return 1;
                case 2: return 2;
                case 3: return 4;
                case 4: return 8;
                default: return 16;
            }
        }

        /// <summary>
        /// The datasheet's maximum measurement time in ms (BME280 datasheet section 9.1; the BMP280's table 13 in section
        /// 3.8.1 follows the same terms without humidity): 1.25 + 2.3·T + (2.3·P + 0.575) + (2.3·H + 0.575), each term
        /// only for a measurement that is not skipped.
        /// </summary>
        public static double MaxMeasurementMs(int temperatureCode, int pressureCode, int humidityCode)
        {
            double ms = 1.25;
            int t = OversamplingFactor(temperatureCode);
            int p = OversamplingFactor(pressureCode);
            int h = OversamplingFactor(humidityCode);
            if (t > 0)
            {
                ms += 2.3 * t;
            }

            if (p > 0)
            {
                ms += (2.3 * p) + 0.575;
            }

            if (h > 0)
            {
                ms += (2.3 * h) + 0.575;
            }

            return ms;
        }

        /// <summary>The pause between two normal-mode measurements for a config.t_sb code.</summary>
        public static double StandbyMs(int standbyCode, BoschVariant variant)
        {
            double[] table = variant == BoschVariant.Bme280 ? Bme280StandbyMs : Bmp280StandbyMs;
            return table[standbyCode & 7];
        }
    }
}
