namespace SensorNode.Core.Board
{
    /// <summary>
    /// A hobby servo: the value written is an angle from 0 to 180 degrees, which the board turns into the servo's pulse
    /// (0.5 ms at 0°, 2.5 ms at 180°, every 20 ms).
    /// </summary>
    public interface IAngleOutput : IOutputWriter
    {
    }
}
