namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// One conversion's raw results, taken when it was triggered, with the settings they were taken under; they reach the
    /// data registers only when it ends (datasheet section 4: data registers are updated at the end of a conversion).
    /// </summary>
    internal sealed class Bmx280Conversion
    {
        public Bmx280Conversion(Bmx280Settings settings, int temperatureAdc, int pressureAdc, int humidityAdc, double endsAt)
        {
            Settings = settings;
            TemperatureAdc = temperatureAdc;
            PressureAdc = pressureAdc;
            HumidityAdc = humidityAdc;
            EndsAt = endsAt;
        }

        public Bmx280Settings Settings { get; }

        public int TemperatureAdc { get; }

        public int PressureAdc { get; }

        public int HumidityAdc { get; }

        /// <summary>Clock seconds at which the results are ready.</summary>
        public double EndsAt { get; }
    }
}
