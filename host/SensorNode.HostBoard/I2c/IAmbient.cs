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
    }
}
