namespace SensorNode.HostBoard.I2c
{
    /// <summary>The BMx280 register map (BME280 datasheet section 5.3, table 18; BMP280 datasheet section 4.2).</summary>
    public static class Bmx280Registers
    {
        public const byte CalibrationStart = 0x88;   // dig_T1 .. dig_P9, little-endian 16-bit words
        public const byte DigH1 = 0xA1;              // BME280 only
        public const byte ChipId = 0xD0;
        public const byte Reset = 0xE0;
        public const byte DigH2 = 0xE1;              // BME280 only: dig_H2 .. dig_H6 at 0xE1..0xE7
        public const byte CtrlHum = 0xF2;            // BME280 only
        public const byte Status = 0xF3;
        public const byte CtrlMeas = 0xF4;
        public const byte Config = 0xF5;
        public const byte PressMsb = 0xF7;           // press_msb, press_lsb, press_xlsb[7:4]
        public const byte TempMsb = 0xFA;            // temp_msb, temp_lsb, temp_xlsb[7:4]
        public const byte HumMsb = 0xFD;             // BME280 only: hum_msb, hum_lsb

        /// <summary>Written to <see cref="Reset"/>, runs the power-on-reset procedure; other values are ignored.</summary>
        public const byte SoftResetCommand = 0xB6;

        /// <summary>status bit 3: a conversion is running.</summary>
        public const byte StatusMeasuring = 0x08;

        /// <summary>status bit 0: the NVM trimming data are being copied to the image registers.</summary>
        public const byte StatusImUpdate = 0x01;

        /// <summary>Temperature and pressure data registers after reset or when skipped: 0x80000 (20 bit).</summary>
        public const int SkippedTemperatureOrPressure = 0x80000;

        /// <summary>Humidity data registers after reset or when skipped: 0x8000 (16 bit).</summary>
        public const int SkippedHumidity = 0x8000;

        public const byte Bme280ChipId = 0x60;
        public const byte Bmp280ChipId = 0x58;

        /// <summary>The value the chip answers at <see cref="ChipId"/>.</summary>
        public static byte ChipIdOf(BoschVariant variant)
        {
            return variant == BoschVariant.Bme280 ? Bme280ChipId : Bmp280ChipId;
        }
    }
}
