namespace SensorNode.Core.Text
{
    /// <summary>
    /// UTF-8 to string and back. nanoFramework's mscorlib has no System.Text.Encoding (it ships in a separate
    /// package), and the core depends on mscorlib alone.
    /// </summary>
    public static class Utf8
    {
        /// <summary>Decodes; malformed sequences become U+FFFD rather than failing.</summary>
        public static string GetString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            int length = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = bytes[i];
                int extra;
                int code;
                if (b < 0x80) { code = b; extra = 0; }
                else if ((b & 0xE0) == 0xC0) { code = b & 0x1F; extra = 1; }
                else if ((b & 0xF0) == 0xE0) { code = b & 0x0F; extra = 2; }
                else if ((b & 0xF8) == 0xF0) { code = b & 0x07; extra = 3; }
                else { chars[length++] = '\uFFFD'; i++; continue; }

                bool valid = true;
                for (int k = 1; k <= extra; k++)
                {
                    if (i + k >= end || (bytes[i + k] & 0xC0) != 0x80)
                    {
                        valid = false;
                        break;
                    }

                    code = (code << 6) | (bytes[i + k] & 0x3F);
                }

                if (!valid)
                {
                    chars[length++] = '\uFFFD';
                    i++;
                    continue;
                }

                i += extra + 1;
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

            return new string(chars, 0, length);
        }

        public static string GetString(byte[] bytes)
        {
            return bytes == null ? null : GetString(bytes, 0, bytes.Length);
        }

        public static byte[] GetBytes(string text)
        {
            PayloadBuilder builder = new PayloadBuilder(text.Length * 3);
            return builder.Append(text).ToArray();
        }
    }
}
