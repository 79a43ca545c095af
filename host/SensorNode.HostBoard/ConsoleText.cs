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

        private static readonly Regex Secret = new Regex("\"(wifi_password|broker_password)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant);

        /// <summary>A payload as a console shows it: decoded, secrets masked, control characters escaped, cut.</summary>
        public static string Payload(byte[] payload, int length)
        {
            string text = new UTF8Encoding(false, false).GetString(payload, 0, length);
            text = Secret.Replace(text, m => "\"" + m.Groups[1].Value + "\":\"***\"");
            string shown = Escape(text.Length > MaxShownChars ? text.Substring(0, MaxShownChars) : text);
            return text.Length > MaxShownChars ? shown + "… (" + length + " bytes)" : shown;
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
