using SensorNode.Core.Board;
using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// A relay or LED: ON, OFF, TOGGLE and pulses, no level; values 0 and 100; state "ON"/"OFF"; a Home Assistant switch.
    /// </summary>
    public sealed class SwitchKind : OutputKind
    {
        public SwitchKind()
            : base("switch", Actuator.Full, "switch")
        {
        }

        public override IOutputWriter Open(OutputSpec spec, IOutputFactory outputs)
        {
            return new DigitalWriter(outputs.Digital(spec));
        }

        public override string Parse(string id, byte[] payload, int length, ActuatorCommand command)
        {
            string error = ActuatorCommandParser.TryParse(payload, length, command);
            if (error == null && command.Action == ActuatorAction.Level)
            {
                return NoLevel(id);
            }

            return error;
        }

        public override int Target(ActuatorCommand command, int current, int lastOn)
        {
            switch (command.Action)
            {
                case ActuatorAction.On: return Actuator.Full;
                case ActuatorAction.Toggle: return current > 0 ? 0 : Actuator.Full;
                default: return 0;
            }
        }

        public override void AppendStatePayload(PayloadBuilder payload, int value)
        {
            payload.Append(ActuatorController.StateText(value > 0));
        }

        public override void AppendStateJson(PayloadBuilder json, int value)
        {
            json.AppendJsonString(ActuatorController.StateText(value > 0));
        }

        public override string ValueText(int value)
        {
            return ActuatorController.StateText(value > 0);
        }

        public override bool IsOnOff
        {
            get { return true; }
        }

        public override void AppendSetCommand(PayloadBuilder command, int value)
        {
            command.Append(ActuatorController.StateText(value > 0));
        }

        public override void AppendDiscovery(PayloadBuilder json, string commandTopic, string stateTopic)
        {
            AppendOnOff(json);
        }

        /// <summary>payload_on and payload_off, as a switch and a light take them.</summary>
        internal static void AppendOnOff(PayloadBuilder json)
        {
            json.Append(',').AppendJsonKey("payload_on").AppendJsonString("ON")
                .Append(',').AppendJsonKey("payload_off").AppendJsonString("OFF");
        }

        [ColdPath("a level sent to a switch is a mistake")]
        private static string NoLevel(string id)
        {
            return id + " is a switch: it takes ON, OFF, TOGGLE or a pulse, not a level";
        }

        /// <summary>A pin switched on above 0.</summary>
        private sealed class DigitalWriter : IOutputWriter
        {
            private readonly IDigitalOutput _output;

            public DigitalWriter(IDigitalOutput output)
            {
                _output = output;
            }

            public void Write(int value)
            {
                _output.Write(value > 0);
            }
        }

        /// <summary>A pin as a writer of values (0: off, above: on), for a switch built without a spec.</summary>
        public static IOutputWriter Writer(IDigitalOutput output)
        {
            return new DigitalWriter(output);
        }
    }
}
