using SensorNode.Core.Text;

namespace SensorNode.Core.Config.Signing
{
    /// <summary>
    /// The wire form of a signed "{base}/config/set": <c>&lt;64 hex digits of HMAC-SHA256&gt; &lt;counter&gt; &lt;JSON&gt;</c>.
    /// The HMAC covers the exact bytes after the first space (the counter, a space and the JSON), so the counter is
    /// signed with the settings and a replayed message is told by its counter. An unsigned config starts with '{'.
    /// </summary>
    public static class SignedConfig
    {
        public const int HmacHexLength = 64;

        /// <summary>
        /// The largest counter: 2^53, the largest integer every JSON tool and JavaScript number holds exactly, and far
        /// above the time in ms since 1970 that <c>sign</c> uses by default (about 1.8e12). Without a bound one
        /// accepted counter of 18 nines would refuse every later signed config for good. <c>sign</c> refuses the same.
        /// </summary>
        public const long MaxCounter = 9007199254740992;

        private const int MaxCounterDigits = 16;

        /// <summary>What the signed form adds to the JSON at most: the HMAC, the counter, their spaces and a "\r\n".</summary>
        public const int MaxOverheadBytes = HmacHexLength + 1 + MaxCounterDigits + 1 + 2;

        /// <summary>True when the payload has the signed form's shape (64 hex digits and a space at the start).</summary>
        public static bool LooksSigned(byte[] payload, int length)
        {
            if (length <= HmacHexLength || payload[HmacHexLength] != (byte)' ')
            {
                return false;
            }

            for (int i = 0; i < HmacHexLength; i++)
            {
                if (HexDigit.ValueOf(payload[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Splits a payload that <see cref="LooksSigned"/>: returns null and the HMAC, the counter and where the JSON
        /// starts, or what is wrong with it.
        /// </summary>
        public static string TrySplit(byte[] payload, int length, out byte[] hmac, out long counter, out int jsonStart)
        {
            hmac = DecodeHex(payload, 0, HmacHexLength / 2);

            counter = 0;
            jsonStart = 0;
            int position = HmacHexLength + 1;
            int digits = 0;
            while (position < length && payload[position] >= (byte)'0' && payload[position] <= (byte)'9' && digits <= MaxCounterDigits)
            {
                counter = counter * 10 + (payload[position] - '0');
                position++;
                digits++;
            }

            if (digits == 0 || digits > MaxCounterDigits || counter > MaxCounter || counter < 1)
            {
                return "a signed config needs a counter from 1 to " + MaxCounter + " (2^53) after the HMAC";
            }

            if (position >= length || payload[position] != (byte)' ')
            {
                return "a signed config needs one space between the counter and the JSON";
            }

            jsonStart = position + 1;
            return null;
        }

        /// <summary>
        /// What the HMAC covers: the node id, a space, then the signed part of the payload (counter, space, JSON). The
        /// id is not sent, the node supplies its own, so a message signed for one node fails on every other node that
        /// shares its key.
        /// </summary>
        public static byte[] BoundToNode(string nodeId, byte[] payload, int start, int count)
        {
            byte[] id = Utf8.GetBytes(nodeId);
            byte[] bound = new byte[id.Length + 1 + count];
            System.Array.Copy(id, bound, id.Length);
            bound[id.Length] = (byte)' ';
            System.Array.Copy(payload, start, bound, id.Length + 1, count);
            return bound;
        }

        /// <summary>The length without one trailing "\n" or "\r\n", the way a shell file or a console line ends.</summary>
        public static int WithoutTrailingNewline(byte[] payload, int length)
        {
            if (length > 0 && payload[length - 1] == (byte)'\n')
            {
                length--;
                if (length > 0 && payload[length - 1] == (byte)'\r')
                {
                    length--;
                }
            }

            return length;
        }

        /// <summary>A key written as hex digits (white space around ignored); null when it is not 16 to 64 bytes of hex.</summary>
        public static byte[] ParseKey(byte[] text)
        {
            if (text == null)
            {
                return null;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && IsSpace(text[end - 1]))
            {
                end--;
            }

            int digits = end - start;
            if (digits % 2 != 0 || digits < 32 || digits > 128)
            {
                return null;
            }

            return DecodeHex(text, start, digits / 2);
        }

        /// <summary><paramref name="count"/> bytes from twice as many hex digits at <paramref name="start"/>; null at a non-digit.</summary>
        private static byte[] DecodeHex(byte[] text, int start, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                int high = HexDigit.ValueOf(text[start + 2 * i]);
                int low = HexDigit.ValueOf(text[start + 2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static bool IsSpace(byte b)
        {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }
}
