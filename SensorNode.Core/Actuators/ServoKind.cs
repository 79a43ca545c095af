using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// A hobby servo on PWM: it takes an angle from 0 to 180 ("90", or {"angle":90} with an optional "for_ms", which
    /// holds it there that long and returns); its state is the angle ("90"); it is never "on", so it has no maximum
    /// on-time, and its safe state (at an orderly stop, after the broker was gone too long) is its safe angle; Home
    /// Assistant sees a number from 0 to 180°. On the wire: 50 Hz, a pulse of 0.5 ms at 0° to 2.5 ms at 180° (duty
    /// 2.5 % to 12.5 % of the 20 ms period), the range of the common SG90/MG996R class.
    /// </summary>
    public sealed class ServoKind : PwmKind
    {
        public const int MaxAngle = 180;
        public const int Frequency = 50;
        public const double PeriodMs = 1000.0 / Frequency;
        public const double MinPulseMs = 0.5;
        public const double MaxPulseMs = 2.5;

        private const string Grammar = "an angle from 0 to 180 (e.g. 90), or {\"angle\":90} with an optional \"for_ms\"";

        public ServoKind()
            : base("servo", MaxAngle, "number", Frequency)
        {
        }

        /// <summary>The middle, 90°: a servo is never "off".</summary>
        public override int RestValue
        {
            get { return MaxAngle / 2; }
        }

        /// <summary>The duty cycle of an angle's pulse: 0.025 at 0°, 0.075 at 90°, 0.125 at 180°.</summary>
        public override double DutyCycle(int value)
        {
            double pulseMs = MinPulseMs + (MaxPulseMs - MinPulseMs) * value / 180.0;
            return pulseMs / PeriodMs;
        }

        /// <summary>The angle of a pulse, or -1 for a pulse more than half a degree outside 0.5 to 2.5 ms (no pulse at all among them).</summary>
        public override int ValueAt(double dutyCycle)
        {
            double degrees = (dutyCycle * PeriodMs - MinPulseMs) * 180.0 / (MaxPulseMs - MinPulseMs);
            return degrees < -0.5 || degrees >= MaxAngle + 0.5 ? -1 : Nearest(degrees < 0 ? 0 : degrees);
        }

        [SteadyState]
        public override string Parse(string id, byte[] payload, int length, ActuatorCommand command)
        {
            command.Clear();
            int start = ActuatorCommandParser.TrimStart(payload, length);
            int end = ActuatorCommandParser.TrimEnd(payload, start, length);
            if (start < end && payload[start] == '{')
            {
                return ParseJson(id, payload, length, command);
            }

            int angle = ActuatorCommandParser.WholeNumber(payload, start, end, MaxAngle);
            if (angle < 0)
            {
                return NotAnAngle(id, payload, start, end - start);
            }

            command.Action = ActuatorAction.Level;
            command.Level = angle;
            return null;
        }

        /// <summary>Every command of a servo sets an angle.</summary>
        public override int Target(ActuatorCommand command, int current, int lastOn)
        {
            return command.Level;
        }

        public override void AppendStatePayload(PayloadBuilder payload, int value)
        {
            payload.AppendInteger(value);
        }

        public override void AppendStateJson(PayloadBuilder json, int value)
        {
            json.AppendInteger(value);
        }

        public override string Unit
        {
            get { return "°"; }
        }

        public override string ValueText(int value)
        {
            return value + "°";
        }

        public override string LogValue(int value)
        {
            return ValueText(value);
        }

        [ColdPath("a servo's log line names its angle, one of 181")]
        public override string LogLine(string id, int value, string onLine, string offLine)
        {
            return id + " -> " + ValueText(value);
        }

        /// <summary>A servo holds an angle: no on-time to limit; the offline failsafe moves it to its safe angle.</summary>
        public override string CheckFailsafe(string id, int maxOnSeconds, int offlineSafeSeconds, int safeValue)
        {
            if (maxOnSeconds != 0)
            {
                return "output " + id + ": a servo holds an angle and is never on: it takes no maximum on-time (its offline failsafe moves it to its safe angle)";
            }

            return Failsafe.Check(id, 0, offlineSafeSeconds, safeValue);
        }

        public override void AppendDiscovery(PayloadBuilder json, string commandTopic, string stateTopic)
        {
            json.Append(',').AppendJsonKey("min").AppendInteger(0)
                .Append(',').AppendJsonKey("max").AppendInteger(MaxAngle)
                .Append(',').AppendJsonKey("step").AppendInteger(1)
                .Append(',').AppendJsonKey("mode").AppendJsonString("slider")
                .Append(',').AppendJsonKey("unit_of_measurement").AppendJsonString("°")
                .Append(',').AppendJsonKey("command_template").AppendJsonString("{{ value | int }}");
        }

        [ColdPath("a command that is not an angle is a mistake")]
        private static string NotAnAngle(string id, byte[] payload, int start, int count)
        {
            return id + " is a servo: it takes " + Grammar + ", not '" + Utf8.GetString(payload, start, count) + "'";
        }

        /// <summary>{"angle":90,"for_ms":500}.</summary>
        [ColdPath("JSON commands are the rarer form; the JSON reader allocates")]
        private static string ParseJson(string id, byte[] payload, int length, ActuatorCommand command)
        {
            JsonObjectReader reader = new JsonObjectReader(payload, length);
            bool hasAngle = false;
            while (reader.MoveNext())
            {
                if (reader.Key == "angle")
                {
                    double value = reader.NumberValue;
                    if (reader.Kind != JsonValueKind.Number || value != (int)value || value < 0 || value > MaxAngle)
                    {
                        return "\"angle\" must be a whole number from 0 to " + MaxAngle;
                    }

                    command.Level = (int)value;
                    hasAngle = true;
                }
                else if (reader.Key == "for_ms")
                {
                    string error = ActuatorCommandParser.ReadPulse(reader, command);
                    if (error != null)
                    {
                        return error;
                    }
                }
                else
                {
                    return "unknown key \"" + reader.Key + "\" (" + id + " is a servo: expected \"angle\", and optional \"for_ms\")";
                }
            }

            if (reader.Error != null)
            {
                return "malformed JSON: " + reader.Error;
            }

            if (!hasAngle)
            {
                return "missing \"angle\" (" + id + " is a servo: it takes " + Grammar + ")";
            }

            command.Action = ActuatorAction.Level;
            return null;
        }
    }
}
