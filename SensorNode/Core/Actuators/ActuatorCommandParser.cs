using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// Parses the payload of "{base}/actuator/{id}/set":
    /// ON, OFF, TOGGLE (any case, surrounding white space ignored), or
    /// {"state":"ON","for_ms":500} where for_ms (optional) makes it a pulse.
    /// </summary>
    public static class ActuatorCommandParser
    {
        /// <summary>Longest pulse accepted: one day. Longer is almost certainly a unit mistake.</summary>
        public const int MaxPulseMs = 86400000;

        /// <summary>Returns null and fills <paramref name="command"/>, or returns what is wrong.</summary>
        [SteadyState]
        public static string TryParse(byte[] payload, int length, ActuatorCommand command)
        {
            command.Clear();
            int start = 0;
            int end = length;
            while (start < end && IsWhitespace(payload[start]))
            {
                start++;
            }

            while (end > start && IsWhitespace(payload[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                return "empty command";
            }

            if (payload[start] == '{')
            {
                return ParseJson(payload, length, command);
            }

            ActuatorAction action;
            if (!TryParseAction(payload, start, end - start, out action))
            {
                return UnknownCommand(payload, start, end - start);
            }

            command.Action = action;
            return null;
        }

        [ColdPath("an unknown command is a mistake")]
        private static string UnknownCommand(byte[] payload, int start, int count)
        {
            return "unknown command '" + Utf8.GetString(payload, start, count) + "' (expected ON, OFF, TOGGLE or JSON)";
        }

        /// <summary>{"state":"ON","for_ms":500}: the reader makes strings of its keys and values.</summary>
        [ColdPath("JSON commands (pulses) are the rarer form; the JSON reader allocates")]
        private static string ParseJson(byte[] payload, int length, ActuatorCommand command)
        {
            JsonObjectReader reader = new JsonObjectReader(payload, length);
            bool hasState = false;
            while (reader.MoveNext())
            {
                if (reader.Key == "state")
                {
                    ActuatorAction action;
                    if (reader.Kind != JsonValueKind.String || !TryParseAction(reader.StringValue, out action))
                    {
                        return "\"state\" must be \"ON\", \"OFF\" or \"TOGGLE\"";
                    }

                    command.Action = action;
                    hasState = true;
                }
                else if (reader.Key == "for_ms")
                {
                    double value = reader.NumberValue;
                    if (reader.Kind != JsonValueKind.Number || value != (int)value || value < 1 || value > MaxPulseMs)
                    {
                        return "\"for_ms\" must be a whole number from 1 to " + MaxPulseMs;
                    }

                    command.ForMs = (int)value;
                }
                else
                {
                    return "unknown key \"" + reader.Key + "\" (expected \"state\" and optional \"for_ms\")";
                }
            }

            if (reader.Error != null)
            {
                return "malformed JSON: " + reader.Error;
            }

            return hasState ? null : "missing \"state\"";
        }

        private static bool TryParseAction(string text, out ActuatorAction action)
        {
            byte[] bytes = Utf8.GetBytes(text);
            return TryParseAction(bytes, 0, bytes.Length, out action);
        }

        private static bool TryParseAction(byte[] bytes, int start, int count, out ActuatorAction action)
        {
            action = ActuatorAction.Off;
            if (EqualsIgnoreCase(bytes, start, count, "ON"))
            {
                action = ActuatorAction.On;
                return true;
            }

            if (EqualsIgnoreCase(bytes, start, count, "OFF"))
            {
                return true;
            }

            if (EqualsIgnoreCase(bytes, start, count, "TOGGLE"))
            {
                action = ActuatorAction.Toggle;
                return true;
            }

            return false;
        }

        private static bool EqualsIgnoreCase(byte[] bytes, int start, int count, string upperAscii)
        {
            if (count != upperAscii.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                int c = bytes[start + i];
                if (c >= 'a' && c <= 'z')
                {
                    c -= 'a' - 'A';
                }

                if (c != upperAscii[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWhitespace(byte b)
        {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }
}
