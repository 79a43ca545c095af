using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>A check, with a transfer whose result is looked at, that the chip found at boot still answers as itself.</summary>
    public interface IChipProbe
    {
        /// <summary>Null when the chip answered as expected, else what went wrong.</summary>
        string Check(II2cBus bus, int address);
    }
}
