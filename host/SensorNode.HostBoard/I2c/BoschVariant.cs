namespace SensorNode.HostBoard.I2c
{
    /// <summary>The Bosch chip a <see cref="VirtualBmx280"/> models; both share the BMx280 register map.</summary>
    public enum BoschVariant
    {
        /// <summary>BME280: temperature, pressure and humidity, chip id 0x60.</summary>
        Bme280,

        /// <summary>BMP280: temperature and pressure only, chip id 0x58 (no ctrl_hum, no humidity registers).</summary>
        Bmp280
    }
}
