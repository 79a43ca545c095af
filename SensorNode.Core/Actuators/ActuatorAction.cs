namespace SensorNode.Core.Actuators
{
    public enum ActuatorAction
    {
        On,
        Off,
        Toggle,

        /// <summary>A dimmer to <see cref="ActuatorCommand.Level"/> percent (0 is off).</summary>
        Level
    }
}
