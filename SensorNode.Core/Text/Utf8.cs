namespace SensorNode.Core.Text
{
    /// <summary>
    /// UTF-8 to string and back. nanoFramework's mscorlib has no System.Text.Encoding (it ships in a separate
    /// package), and the core depends on mscorlib alone.
    /// </summary>
    public static class Utf8
    {
        /// <summary>
        /// Decodes; what is not well-formed UTF-8 (an invalid byte, a cut sequence, an overlong form such as C0 80
        /// for NUL, an encoded surrogate, a code point above U+10FFFF) becomes U+FFFD rather than failing.
        /// </summary>
        public static string GetString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            int length = GetChars(bytes, offset, count, chars, 0);
            return new string(chars, 0, length);
        }

        /// <summary>
        /// Decodes like <see cref="GetString(byte[], int, int)"/> into <paramref name="chars"/> from
        /// <paramref name="charIndex"/>, allocating nothing; returns how many characters it wrote (at most
        /// <paramref name="count"/>).
        /// </summary>
        public static int GetChars(byte[] bytes, int offset, int count, char[] chars, int charIndex)
        {
            int length = charIndex;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int code;
                int size = Decode(bytes, i, end, out code);
                if (size == 0)
                {
                    chars[length++] = '\uFFFD';
                    i++;
                    continue;
                }

                i += size;
                if (code >= 0x10000)
                {
                    code -= 0x10000;
                    chars[length++] = (char)(0xD800 + (code >> 10));
                    chars[length++] = (char)(0xDC00 + (code & 0x3FF));
                }
                else
                {
                    chars[length++] = (char)code;
                }
            }

            return length - charIndex;
        }

        /// <summary>The index of the first byte that is not part of well-formed UTF-8, or -1 when all of it is.</summary>
        public static int FirstInvalidByte(byte[] bytes, int offset, int count)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int code;
                int size = Decode(bytes, i, end, out code);
                if (size == 0)
                {
                    return i;
                }

                i += size;
            }

            return -1;
        }

        /// <summary>Decodes the sequence at <paramref name="i"/>: its length in bytes, or 0 when it is not well-formed (RFC 3629).</summary>
        private static int Decode(byte[] bytes, int i, int end, out int code)
        {
            int b = bytes[i];
            int extra;
            int minimum;
            if (b < 0x80) { code = b; return 1; }
            else if ((b & 0xE0) == 0xC0) { code = b & 0x1F; extra = 1; minimum = 0x80; }
            else if ((b & 0xF0) == 0xE0) { code = b & 0x0F; extra = 2; minimum = 0x800; }
            else if ((b & 0xF8) == 0xF0) { code = b & 0x07; extra = 3; minimum = 0x10000; }
            else { code = 0; return 0; }

            for (int k = 1; k <= extra; k++)
            {
                if (i + k >= end || (bytes[i + k] & 0xC0) != 0x80)
                {
                    return 0;
                }

                code = (code << 6) | (bytes[i + k] & 0x3F);
            }

            bool wellFormed = code >= minimum && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
            return wellFormed ? extra + 1 : 0;
        }

        public static string GetString(byte[] bytes)
        {
            return bytes == null ? null : GetString(bytes, 0, bytes.Length);
        }

        /// <summary>How many bytes <paramref name="text"/> takes as UTF-8.</summary>
        public static int ByteCount(string text)
        {
            // ToCharArray, not the indexer: nanoCLR's indexer gives the high surrogate for both halves of an emoji.
            char[] chars = text.ToCharArray();
            int count = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        public static byte[] GetBytes(string text)
        {
            PayloadBuilder builder = new PayloadBuilder(text.Length * 3);
            return builder.Append(text).ToArray();
        }
    }
}
