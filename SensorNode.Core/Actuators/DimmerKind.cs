using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// A PWM dimmer: ON (to the last level above 0), OFF, TOGGLE, a level "40%" and pulses; state
    /// {"state":"ON","level":40}; a Home Assistant light with brightness 0..100. The level is the duty cycle, at 1 kHz:
    /// above visible flicker, within what a logic-level MOSFET module switches cleanly.
    /// </summary>
    public sealed class DimmerKind : PwmKind
    {
        public const int Frequency = 1000;

        public DimmerKind()
            : base("dimmer", Actuator.Full, "light", Frequency)
        {
        }

        /// <summary>0 % is off (duty 0), 100 % full on (duty 1).</summary>
        public override double DutyCycle(int value)
        {
            return value / 100.0;
        }

        public override int ValueAt(double dutyCycle)
        {
            return dutyCycle < 0 || dutyCycle > 1 ? -1 : Nearest(dutyCycle * 100);
        }

        public override string Parse(string id, byte[] payload, int length, ActuatorCommand command)
        {
            return ActuatorCommandParser.TryParse(payload, length, command);
        }

        public override int Target(ActuatorCommand command, int current, int lastOn)
        {
            switch (command.Action)
            {
                case ActuatorAction.On: return lastOn;
                case ActuatorAction.Toggle: return current > 0 ? 0 : lastOn;
                case ActuatorAction.Level: return command.Level;
                default: return 0;
            }
        }

        public override void AppendStatePayload(PayloadBuilder payload, int value)
        {
            AppendStateJson(payload, value);
        }

        public override void AppendStateJson(PayloadBuilder json, int value)
        {
            json.Append('{').AppendJsonKey("state").AppendJsonString(ActuatorController.StateText(value > 0))
                .Append(',').AppendJsonKey("level").AppendInteger(value).Append('}');
        }

        public override string ValueText(int value)
        {
            return value + " %";
        }

        public override string Unit
        {
            get { return "%"; }
        }

        /// <summary>"40%": a bare number is no dimmer command.</summary>
        public override void AppendSetCommand(PayloadBuilder command, int value)
        {
            command.AppendInteger(value).Append('%');
        }

        public override void AppendDiscovery(PayloadBuilder json, string commandTopic, string stateTopic)
        {
            // It reports {"state":"ON","level":40} and takes "40%": brightness 0..100 maps onto it as is.
            SwitchKind.AppendOnOff(json);
            json.Append(',').AppendJsonKey("state_value_template").AppendJsonString("{{ value_json.state }}")
                .Append(',').AppendJsonKey("brightness_command_topic").AppendJsonString(commandTopic)
                .Append(',').AppendJsonKey("brightness_command_template").AppendJsonString("{{ value }}%")
                .Append(',').AppendJsonKey("brightness_state_topic").AppendJsonString(stateTopic)
                .Append(',').AppendJsonKey("brightness_value_template").AppendJsonString("{{ value_json.level }}")
                .Append(',').AppendJsonKey("brightness_scale").AppendInteger(100);
        }
    }
}
