namespace SensorNode.Core.Board
{
    /// <summary>
    /// What an actuator writes its value to, whatever its kind: a level in percent for a dimmer, an angle in degrees for
    /// a servo, 0 or 100 for a switch (<see cref="Actuators.OutputKind.Open"/> adapts an <see cref="IDigitalOutput"/>).
    /// </summary>
    public interface IOutputWriter
    {
        void Write(int value);
    }
}
