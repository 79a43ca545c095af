using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// Sensirion SHT3x (SHT30/31/35) at 0x44/0x45: temperature and humidity. Found by its status register (a word
    /// with a valid CRC); read by the core's own driver (<see cref="Sht3xDriver"/>).
    /// </summary>
    public sealed class Sht3xFamily : IChipFamily
    {
        public const int ReadStatus = 0xF32D;

        // SHT3x datasheet, section 2: -40..125 °C, 0..100 %RH.
        public static readonly ChipModel Sht3x = new ChipModel("sht3x", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 125),
            new QuantityRange(Quantity.Humidity, 0, 100),
        });

        private static readonly int[] BusAddresses = { 0x44, 0x45 };
        private static readonly ChipModel[] FamilyModels = { Sht3x };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        public ChipModel Identify(II2cBus bus, int address)
        {
            return new SensirionCommand(ReadStatus, 1, 1).Run(bus, address) == null ? Sht3x : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new Sht3xDriver(bus, address, clock);
        }
    }
}
