namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// How long a forced TPHG cycle of the BME680 takes. The datasheet gives no formula; this is the estimate of Bosch's
    /// BME680 API (1.963 ms per oversampling cycle, 0.477 ms for each of the 4 switches between T, P, H and gas,
    /// 2.385 ms for the gas ADC, 1 ms to wake up) without its rounding half-millisecond, plus the heating time of the
    /// set-point in use (datasheet section 3.3.5: heating follows the T, P and H conversions).
    /// </summary>
    public static class Bme680Timing
    {
        private const double WakeUpMs = 1.0;
        private const double CycleMs = 1.963;
        private const double SwitchMs = 0.477;
        private const int Switches = 4;
        private const double GasAdcMs = 5 * 0.477;

        /// <summary>The oversampling factor of an osrs_x code: 0 (skipped), 1, 2, 4, 8, 16 (codes 5..7 all mean 16).</summary>
        public static int OversamplingFactor(int code)
        {
            return Bmx280Timing.OversamplingFactor(code); // the same coding as the BME280's
        }

        /// <summary>
        /// The temperature, pressure and humidity conversions (before any heating). The gas ADC is counted only with
        /// run_gas, as the .NET binding counts it when it sleeps before reading (Bosch's API always counts it).
        /// </summary>
        public static double TphMs(int temperatureCode, int pressureCode, int humidityCode, bool runGas)
        {
            int cycles = OversamplingFactor(temperatureCode) + OversamplingFactor(pressureCode) + OversamplingFactor(humidityCode);
            return WakeUpMs + (CycleMs * cycles) + (SwitchMs * Switches) + (runGas ? GasAdcMs : 0.0);
        }

        /// <summary>
        /// The heating time a gas_wait_x byte sets (datasheet section 5.3.3.3): bits 5:0 count milliseconds, bits 7:6
        /// multiply them by 1, 4, 16 or 64 (1 to 4032 ms).
        /// </summary>
        public static double HeatingMs(byte gasWait)
        {
            int factor = 1 << (2 * (gasWait >> 6));
            return (gasWait & 0x3F) * factor;
        }
    }
}
