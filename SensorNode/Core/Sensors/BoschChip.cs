using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    public enum BoschChipKind
    {
        Unknown,
        Bmp280,
        Bme280,
        Bme680
    }

    /// <summary>
    /// The Bosch Bmxx80 family as seen on the bus: every chip answers its id at register 0xD0, which tells the
    /// board which driver to use and which quantities the chip measures.
    /// </summary>
    public static class BoschChip
    {
        public const byte ChipIdRegister = 0xD0;
        public const byte PrimaryAddress = 0x77;
        public const byte SecondaryAddress = 0x76;

        private static readonly Quantity[] TemperaturePressure = { Quantity.Temperature, Quantity.Pressure };
        private static readonly Quantity[] TemperatureHumidityPressure = { Quantity.Temperature, Quantity.Humidity, Quantity.Pressure };
        private static readonly Quantity[] AllFour = { Quantity.Temperature, Quantity.Humidity, Quantity.Pressure, Quantity.GasResistance };

        private static readonly BoschChipKind[] KnownKinds = { BoschChipKind.Bmp280, BoschChipKind.Bme280, BoschChipKind.Bme680 };

        /// <summary>The model answering <paramref name="chipId"/> at <see cref="ChipIdRegister"/>.</summary>
        public static BoschChipKind Identify(byte chipId)
        {
            foreach (BoschChipKind kind in KnownKinds)
            {
                if (ChipIdOf(kind) == chipId)
                {
                    return kind;
                }
            }

            return BoschChipKind.Unknown;
        }

        /// <summary>Datasheet chip ids: BMP280 0x58, BME280 0x60, BME680 0x61; 0x00 for <see cref="BoschChipKind.Unknown"/>.</summary>
        public static byte ChipIdOf(BoschChipKind kind)
        {
            switch (kind)
            {
                case BoschChipKind.Bmp280: return 0x58;
                case BoschChipKind.Bme280: return 0x60;
                case BoschChipKind.Bme680: return 0x61;
                default: return 0x00;
            }
        }

        public static Quantity[] QuantitiesOf(BoschChipKind kind)
        {
            switch (kind)
            {
                case BoschChipKind.Bmp280: return TemperaturePressure;
                case BoschChipKind.Bme280: return TemperatureHumidityPressure;
                case BoschChipKind.Bme680: return AllFour;
                default: return new Quantity[0];
            }
        }

        /// <summary>
        /// Topic id of a chip: its model ("bme280"), with the address appended ("bme280_77") only when two chips
        /// of one model share the bus, so a single-sensor node has the short, predictable id.
        /// </summary>
        public static string SensorId(BoschChipKind kind, int address, bool twoOfAKind)
        {
            string name = kind == BoschChipKind.Bmp280 ? "bmp280" : kind == BoschChipKind.Bme280 ? "bme280" : kind == BoschChipKind.Bme680 ? "bme680" : "unknown";
            return twoOfAKind ? name + "_" + HexByte(address) : name;
        }

        private static string HexByte(int value)
        {
            const string Digits = "0123456789abcdef";
            return new string(new char[] { Digits[(value >> 4) & 0xF], Digits[value & 0xF] });
        }
    }
}
