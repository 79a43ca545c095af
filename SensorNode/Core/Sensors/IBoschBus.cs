namespace SensorNode.Core.Sensors
{
    /// <summary>The I2C bus as the search for Bosch chips needs it; the board adapter owns the real bus.</summary>
    public interface IBoschBus
    {
        /// <summary>The value of the chip-id register at <paramref name="address"/>; 0x00 when nothing answered.</summary>
        byte ReadChipId(int address);

        /// <summary>A driver for the chip found at <paramref name="address"/>. May throw when the chip cannot be set up.</summary>
        IBoschDriver OpenDriver(BoschChipKind kind, int address);
    }
}
