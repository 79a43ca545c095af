using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SensorNode.HostBoard
{
    /// <summary>
    /// What may reach a terminal: text that shows, never obeys. Control characters (ESC sequences that retitle or
    /// clear a terminal, bells, carriage returns) are written as escapes, long payloads are cut with their length
    /// shown, and the values of secret config keys are masked, so a published payload can neither hijack the
    /// console nor leak a password into a log.
    /// </summary>
    public static class ConsoleText
    {
        /// <summary>How much of a payload a console line shows.</summary>
        public const int MaxShownChars = 200;

        /// <summary>A JSON member with a string value; the key is decoded before it is compared (a key written with escapes, "wifi_pass\\u0077ord", is still wifi_password to the node).</summary>
        private static readonly Regex StringMember = new Regex("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant);

        /// <summary>A payload as a console shows it: decoded, secrets masked, control characters escaped, cut.</summary>
        public static string Payload(byte[] payload, int length)
        {
            string text = new UTF8Encoding(false, false).GetString(payload, 0, length);
            text = StringMember.Replace(text, m =>
            {
                string key = DecodedKey(m.Groups[1].Value);
                return key == "wifi_password" || key == "broker_password" ? "\"" + key + "\":\"***\"" : m.Value;
            });
            string shown = Escape(text.Length > MaxShownChars ? text.Substring(0, MaxShownChars) : text);
            return text.Length > MaxShownChars ? shown + "… (" + length + " bytes)" : shown;
        }

        /// <summary>A JSON string's content with its escapes decoded; as written when it is not valid JSON.</summary>
        private static string DecodedKey(string escaped)
        {
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize<string>("\"" + escaped + "\"");
            }
            catch (System.Text.Json.JsonException)
            {
                return escaped;
            }
        }

        /// <summary>The text with every control character (C0, DEL, C1) written as \xNN.</summary>
        public static string Escape(string text)
        {
            StringBuilder shown = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
                if (control && shown == null)
                {
                    shown = new StringBuilder(text, 0, i, text.Length + 16);
                }

                if (shown != null)
                {
                    if (control)
                    {
                        shown.Append("\\x").Append(((int)c).ToString("x2"));
                    }
                    else
                    {
                        shown.Append(c);
                    }
                }
            }

            return shown == null ? text : shown.ToString();
        }
    }
}
