namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The SHT3x commands the virtual chip answers (SHT3x-DIS datasheet section 4) — those Iot.Device.Sht3x and the
    /// firmware send — with the status bits and timings that go with them.
    /// </summary>
    public static class Sht3xCommands
    {
        /// <summary>Single shot, no clock stretching, high repeatability (Iot.Device.Sht3x's Resolution.High).</summary>
        public const ushort MeasureHighRepeatability = 0x2400;

        /// <summary>Single shot, no clock stretching, medium repeatability (Resolution.Medium).</summary>
        public const ushort MeasureMediumRepeatability = 0x240B;

        /// <summary>Single shot, no clock stretching, low repeatability (Resolution.Low).</summary>
        public const ushort MeasureLowRepeatability = 0x2416;

        public const ushort SoftReset = 0x30A2;
        public const ushort HeaterEnable = 0x306D;
        public const ushort HeaterDisable = 0x3066;
        public const ushort ReadStatus = 0xF32D;

        /// <summary>Status bit 15: at least one alert pending; set after a reset.</summary>
        public const ushort StatusAlertPending = 0x8000;

        /// <summary>Status bit 13: the heater is on.</summary>
        public const ushort StatusHeaterOn = 0x2000;

        /// <summary>Status bit 4: a reset (power-on, soft reset, supply drop) happened since the status was cleared.</summary>
        public const ushort StatusResetDetected = 0x0010;

        /// <summary>The status after power-on or a soft reset.</summary>
        public const ushort StatusAfterReset = StatusAlertPending | StatusResetDetected;

        /// <summary>Time the chip takes to come back after a soft reset, during which it does not listen (datasheet timing specification).</summary>
        public const double SoftResetMs = 1.5;

        /// <summary>Whether a command is one of the single-shot measurements without clock stretching.</summary>
        public static bool IsSingleShotMeasurement(ushort command)
        {
            return command == MeasureHighRepeatability || command == MeasureMediumRepeatability || command == MeasureLowRepeatability;
        }

        /// <summary>The longest a single-shot measurement takes at its repeatability (datasheet timing specification): 15, 6 or 4 ms.</summary>
        public static double MeasurementMs(ushort command)
        {
            switch (command)
            {
                case MeasureHighRepeatability: return 15.0;
                case MeasureMediumRepeatability: return 6.0;
                default: return 4.0;
            }
        }
    }
}
