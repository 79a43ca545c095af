using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors.Bosch
{
    /// <summary>
    /// The Bosch Bmxx80 family (BMP280, BME280, BME680) at 0x76/0x77: every chip answers its id at register 0xD0.
    /// Read through the vendor binding, behind a probe of that id before each read.
    /// </summary>
    public sealed class BoschFamily : IChipFamily
    {
        public const byte ChipIdRegister = 0xD0;
        public const byte Bmp280Id = 0x58;
        public const byte Bme280Id = 0x60;
        public const byte Bme680Id = 0x61;

        // Bosch's operating ranges (BME280/BMP280 datasheet section 1, BME680 section 1.1).
        public static readonly ChipModel Bmp280 = new ChipModel("bmp280", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 85),
            new QuantityRange(Quantity.Pressure, 300, 1100),
        });

        public static readonly ChipModel Bme280 = new ChipModel("bme280", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 85),
            new QuantityRange(Quantity.Humidity, 0, 100),
            new QuantityRange(Quantity.Pressure, 300, 1100),
        });

        public static readonly ChipModel Bme680 = new ChipModel("bme680", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 85),
            new QuantityRange(Quantity.Humidity, 0, 100),
            new QuantityRange(Quantity.Pressure, 300, 1100),
            new QuantityRange(Quantity.GasResistance, 1, 100000000),
        });

        private static readonly int[] BusAddresses = { 0x76, 0x77 };
        private static readonly ChipModel[] FamilyModels = { Bmp280, Bme280, Bme680 };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        /// <summary>The model answering <paramref name="chipId"/> at register 0xD0, or null.</summary>
        public static ChipModel ModelOf(byte chipId)
        {
            switch (chipId)
            {
                case Bmp280Id: return Bmp280;
                case Bme280Id: return Bme280;
                case Bme680Id: return Bme680;
                default: return null;
            }
        }

        public static byte ChipIdOf(ChipModel model)
        {
            return model == Bmp280 ? Bmp280Id : model == Bme280 ? Bme280Id : model == Bme680 ? Bme680Id : (byte)0;
        }

        public ChipModel Identify(II2cBus bus, int address)
        {
            byte[] id = new byte[1];
            string error;
            return bus.WriteRead(address, new byte[] { ChipIdRegister }, id, out error) ? ModelOf(id[0]) : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new ProbedBindingDriver(bus, address, new BoschIdProbe(ChipIdOf(model)), bindings.Open(model, address));
        }
    }
}
