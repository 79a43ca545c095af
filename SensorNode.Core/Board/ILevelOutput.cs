namespace SensorNode.Core.Board
{
    /// <summary>
    /// One output with a level (a PWM dimmer for an LED strip): 0 is off, 100 is full. The board adapter maps the
    /// level to a duty cycle, inverted for an active-low driver.
    /// </summary>
    public interface ILevelOutput : IOutputWriter
    {
    }
}
