namespace SensorNode.Core.Sensors
{
    /// <summary>The board's vendor bindings, opened for a chip the search found.</summary>
    public interface IChipBindings
    {
        /// <summary>The binding for <paramref name="model"/> at <paramref name="address"/>. May throw when the chip cannot be set up.</summary>
        IChipBinding Open(ChipModel model, int address);
    }
}
