namespace SensorNode.HostBoard.I2c
{
    /// <summary>An ambient that holds whatever values it is given; tests set exact conditions with it.</summary>
    public sealed class FixedAmbient : IAmbient
    {
        /// <summary>
        /// A room at 21.5 °C, 45 %RH, standard sea-level pressure, 600 ppm CO2 and a BME680 gas resistance of 50 kΩ unless
        /// told otherwise.
        /// </summary>
        public FixedAmbient(
            double temperatureC = 21.5,
            double humidityPercent = 45.0,
            double pressureHpa = 1013.25,
            double co2Ppm = 600.0,
            double gasResistanceOhms = 50000.0)
        {
            TemperatureC = temperatureC;
            HumidityPercent = humidityPercent;
            PressureHpa = pressureHpa;
            Co2Ppm = co2Ppm;
            GasResistanceOhms = gasResistanceOhms;
        }

        public double TemperatureC { get; set; }

        public double HumidityPercent { get; set; }

        public double PressureHpa { get; set; }

        public double Co2Ppm { get; set; }

        public double GasResistanceOhms { get; set; }
    }
}
