using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// Sensirion SCD4x (SCD40/SCD41) at 0x62: CO₂, temperature, humidity. Found by its serial number (three words
    /// with valid CRCs) when idle, or by its data-ready status (a word with a valid CRC) when a previous run left it
    /// measuring; read by the core's own driver (<see cref="Scd4xDriver"/>; docs/board-apis.md says why).
    /// </summary>
    public sealed class Scd4xFamily : IChipFamily
    {
        public const int GetSerialNumber = 0x3682;

        // SCD4x datasheet, section 1: CO₂ output 0..40000 ppm, -10..60 °C, 0..100 %RH.
        public static readonly ChipModel Scd4x = new ChipModel("scd4x", new QuantityRange[]
        {
            new QuantityRange(Quantity.Co2, 0, 40000),
            new QuantityRange(Quantity.Temperature, -10, 60),
            new QuantityRange(Quantity.Humidity, 0, 100),
        });

        private static readonly int[] BusAddresses = { 0x62 };
        private static readonly ChipModel[] FamilyModels = { Scd4x };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        /// <summary>
        /// The serial number, which the chip answers only when idle; else the data-ready status, which it also answers
        /// while measuring (the chip keeps power across a reset of the board, so a previous run may have left it so).
        /// No stop_periodic_measurement: the chip would take no command for 500 ms after it (datasheet, section 3.5.2).
        /// </summary>
        public ChipModel Identify(II2cBus bus, int address)
        {
            if (new SensirionCommand(GetSerialNumber, 3, 1).Run(bus, address) == null)
            {
                return Scd4x;
            }

            return new SensirionCommand(Scd4xDriver.GetDataReadyStatus, 1, 1).Run(bus, address) == null ? Scd4x : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new Scd4xDriver(bus, address, clock);
        }
    }
}
