using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// Parses the payload of "{base}/actuator/{id}/set":
    /// ON, OFF, TOGGLE (any case, surrounding white space ignored), a level for a dimmer ("40%"), or JSON:
    /// {"state":"ON","for_ms":500} where for_ms (optional) makes it a pulse, {"level":40} (optionally with
    /// "state":"ON" and "for_ms").
    /// </summary>
    public static class ActuatorCommandParser
    {
        /// <summary>Longest pulse accepted: one day. Longer is almost certainly a unit mistake.</summary>
        public const int MaxPulseMs = 86400000;

        /// <summary>What a level must be, for the error text.</summary>
        private const string LevelRule = "a whole number from 0 to 100";

        /// <summary>Returns null and fills <paramref name="command"/>, or returns what is wrong.</summary>
        [SteadyState]
        public static string TryParse(byte[] payload, int length, ActuatorCommand command)
        {
            command.Clear();
            int start = TrimStart(payload, length);
            int end = TrimEnd(payload, start, length);

            if (start == end)
            {
                return "empty command";
            }

            if (payload[start] == '{')
            {
                return ParseJson(payload, length, command);
            }

            if (payload[end - 1] == '%')
            {
                return ParsePercent(payload, start, end - 1, command);
            }

            ActuatorAction action;
            if (!TryParseAction(payload, start, end - start, out action))
            {
                return UnknownCommand(payload, start, end - start);
            }

            command.Action = action;
            return null;
        }

        /// <summary>"40%": digits only, 0 to 100.</summary>
        private static string ParsePercent(byte[] payload, int start, int end, ActuatorCommand command)
        {
            int level = WholeNumber(payload, start, end, 100);
            if (level < 0)
            {
                return BadLevel();
            }

            command.Action = ActuatorAction.Level;
            command.Level = level;
            return null;
        }

        /// <summary>
        /// The number payload[start..end) spells in digits alone, when it is 0 to <paramref name="max"/>; else -1.
        /// No leading zeros ("040"), as a JSON number has none: a value is written one way only.
        /// </summary>
        public static int WholeNumber(byte[] payload, int start, int end, int max)
        {
            if (end - start > 1 && payload[start] == '0')
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < end; i++)
            {
                int digit = payload[i] - '0';
                if (digit < 0 || digit > 9 || value > max)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return end == start || value > max ? -1 : value;
        }

        /// <summary>The first byte after leading white space.</summary>
        public static int TrimStart(byte[] payload, int length)
        {
            int start = 0;
            while (start < length && IsWhitespace(payload[start]))
            {
                start++;
            }

            return start;
        }

        /// <summary>The end after trailing white space, not before <paramref name="start"/>.</summary>
        public static int TrimEnd(byte[] payload, int start, int length)
        {
            int end = length;
            while (end > start && IsWhitespace(payload[end - 1]))
            {
                end--;
            }

            return end;
        }

        /// <summary>A JSON command's "for_ms" into <paramref name="command"/>: null, or what is wrong.</summary>
        public static string ReadPulse(JsonObjectReader reader, ActuatorCommand command)
        {
            double value = reader.NumberValue;
            if (reader.Kind != JsonValueKind.Number || value != (int)value || value < 1 || value > MaxPulseMs)
            {
                return "\"for_ms\" must be a whole number from 1 to " + MaxPulseMs;
            }

            command.ForMs = (int)value;
            return null;
        }

        [ColdPath("a malformed level is a mistake")]
        private static string BadLevel()
        {
            return "a level must be " + LevelRule + ", e.g. 40%";
        }

        [ColdPath("an unknown command is a mistake")]
        private static string UnknownCommand(byte[] payload, int start, int count)
        {
            return "unknown command '" + Utf8.GetString(payload, start, count) + "' (expected ON, OFF, TOGGLE, a level like 40% or JSON)";
        }

        /// <summary>{"state":"ON","for_ms":500}: the reader makes strings of its keys and values.</summary>
        [ColdPath("JSON commands (pulses) are the rarer form; the JSON reader allocates")]
        private static string ParseJson(byte[] payload, int length, ActuatorCommand command)
        {
            JsonObjectReader reader = new JsonObjectReader(payload, length);
            bool hasState = false;
            bool hasLevel = false;
            ActuatorAction state = ActuatorAction.Off;
            while (reader.MoveNext())
            {
                if (reader.Key == "state")
                {
                    if (reader.Kind != JsonValueKind.String || !TryParseAction(reader.StringValue, out state))
                    {
                        return "\"state\" must be \"ON\", \"OFF\" or \"TOGGLE\"";
                    }

                    hasState = true;
                }
                else if (reader.Key == "level")
                {
                    double value = reader.NumberValue;
                    if (reader.Kind != JsonValueKind.Number || value != (int)value || value < 0 || value > 100)
                    {
                        return "\"level\" must be " + LevelRule;
                    }

                    command.Level = (int)value;
                    hasLevel = true;
                }
                else if (reader.Key == "for_ms")
                {
                    string error = ReadPulse(reader, command);
                    if (error != null)
                    {
                        return error;
                    }
                }
                else
                {
                    return "unknown key \"" + reader.Key + "\" (expected \"state\" or \"level\", and optional \"for_ms\")";
                }
            }

            if (reader.Error != null)
            {
                return "malformed JSON: " + reader.Error;
            }

            if (hasLevel)
            {
                if (hasState && state != ActuatorAction.On)
                {
                    return "a \"level\" goes with \"state\":\"ON\" only";
                }

                command.Action = ActuatorAction.Level;
                return null;
            }

            command.Action = state;
            return hasState ? null : "missing \"state\" or \"level\"";
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
