namespace SensorNode.Core.Board
{
    /// <summary>
    /// One GPIO output driving a relay or LED. "On" means the load is energised; the board adapter maps it to
    /// the pin level (active-high or active-low).
    /// </summary>
    public interface IDigitalOutput
    {
        void Write(bool on);
    }
}
