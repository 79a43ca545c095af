namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// A parsed "/set" payload. With <see cref="ForMs"/> &gt; 0 it is a pulse: the output holds the new state
    /// for that long, then returns to the state it had before the command. A class the controller keeps and the
    /// parser fills, not a struct: nanoCLR puts every struct local on its heap (docs/nanoframework.md).
    /// </summary>
    public sealed class ActuatorCommand
    {
        public ActuatorAction Action;
        public int Level;
        public int ForMs;

        public void Clear()
        {
            Action = ActuatorAction.Off;
            Level = 0;
            ForMs = 0;
        }
    }
}
