namespace SensorNode.Core.Board
{
    /// <summary>
    /// A dimmer written its level (0 off, 100 full) as is, for a node composed by hand (<c>Node.AddDimmer</c>). A board's
    /// dimmers are <see cref="Actuators.DimmerKind"/> outputs on an <see cref="IPwmOutput"/>, which the kind writes the
    /// level to as a duty cycle.
    /// </summary>
    public interface ILevelOutput : IOutputWriter
    {
    }
}
