namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The SCD4x commands the virtual chip answers (SCD4x datasheet section 3) — those Iot.Device.Scd4x and the
    /// firmware send — with the timing that goes with them.
    /// </summary>
    public static class Scd4xCommands
    {
        public const ushort StartPeriodicMeasurement = 0x21B1;
        public const ushort StopPeriodicMeasurement = 0x3F86;
        public const ushort GetDataReadyStatus = 0xE4B8;
        public const ushort ReadMeasurement = 0xEC05;

        /// <summary>Reloads the user settings from EEPROM; only while idle.</summary>
        public const ushort Reinit = 0x3646;

        /// <summary>Three words of serial number; answered only when idle (how the firmware's chip search tells an SCD4x).</summary>
        public const ushort GetSerialNumber = 0x3682;

        /// <summary>Followed by one data word, the pressure in hPa (Pa / 100); also accepted during periodic measurement.</summary>
        public const ushort SetAmbientPressure = 0xE000;

        /// <summary>get_data_ready_status: new data when any of these bits is set; the others carry no meaning.</summary>
        public const ushort DataReadyMask = 0x07FF;

        /// <summary>Periodic measurement delivers a new result this often.</summary>
        public const double MeasurementIntervalSeconds = 5.0;
    }
}
