using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One row of the chip table (<see cref="ChipTable"/>): where a family's chips sit on the bus, how to tell
    /// them, and how to read one. Adding a sensor family is one implementation of this and one table line.
    /// </summary>
    public interface IChipFamily
    {
        /// <summary>The addresses the family's chips can be strapped to.</summary>
        int[] Addresses { get; }

        /// <summary>Every model <see cref="Identify"/> can return (the host's virtual chips are checked against them).</summary>
        ChipModel[] Models { get; }

        /// <summary>The model answering at <paramref name="address"/>, or null when no chip of this family is there.</summary>
        ChipModel Identify(II2cBus bus, int address);

        /// <summary>A driver for a chip <see cref="Identify"/> found. May throw when the chip cannot be set up.</summary>
        ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings);
    }
}
