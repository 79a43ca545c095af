namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// nanoFramework's I2cTransferStatus (System.Device.I2c 1.1.29), by number: what the device's I2C native hands the
    /// firmware, and what the ESP32's driver reports for each outcome.
    /// </summary>
    public enum I2cStatus
    {
        /// <summary>Anything else the driver reports.</summary>
        UnknownError = 0,

        FullTransfer = 1,

        /// <summary>The ESP32 driver's timeout (1 s) ran out: the bus is held (ESP_ERR_TIMEOUT).</summary>
        ClockStretchTimeout = 2,

        PartialTransfer = 3,

        /// <summary>Nobody acknowledged the address (ESP_FAIL): no chip there, or one that does not answer.</summary>
        AddressNotAcknowledged = 4,
    }
}
