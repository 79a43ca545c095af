namespace SensorNode.HostBoard.I2c
{
    /// <summary>A virtual chip the simulator's console and the tests can break and mend.</summary>
    public interface IFaultableChip
    {
        /// <summary>The failure the chip shows from now on; <see cref="ChipFault.None"/> to heal it.</summary>
        ChipFault Fault { get; set; }
    }
}
