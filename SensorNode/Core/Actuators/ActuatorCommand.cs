namespace SensorNode.Core.Actuators
{
    public enum ActuatorAction
    {
        On,
        Off,
        Toggle
    }

    /// <summary>
    /// A parsed "/set" payload. With <see cref="ForMs"/> &gt; 0 it is a pulse: the output holds the new state
    /// for that long, then returns to the state it had before the command.
    /// </summary>
    public struct ActuatorCommand
    {
        public ActuatorAction Action;
        public int ForMs;
    }
}
