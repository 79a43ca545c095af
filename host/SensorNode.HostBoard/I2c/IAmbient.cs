namespace SensorNode.HostBoard.I2c
{
    /// <summary>The air around a virtual sensor: what it measures when a conversion is triggered.</summary>
    public interface IAmbient
    {
        /// <summary>Air temperature in degrees Celsius.</summary>
        double TemperatureC { get; }

        /// <summary>Relative humidity in percent (0..100).</summary>
        double HumidityPercent { get; }

        /// <summary>Barometric pressure in hectopascals.</summary>
        double PressureHpa { get; }

        /// <summary>Carbon dioxide concentration in parts per million.</summary>
        double Co2Ppm { get; }

        /// <summary>
        /// What the heated metal-oxide plate of a BME680 reads in this air, in ohms, at the binding's default heater
        /// profile (320 °C for 150 ms): high in clean air, lower as volatile organic compounds rise. Not a property of
        /// the air alone, but the one number the virtual BME680 needs from it.
        /// </summary>
        double GasResistanceOhms { get; }
    }
}
