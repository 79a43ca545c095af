namespace SensorNode.Core.Web
{
    /// <summary>
    /// HTTP Basic authentication against the node's web password (any user name): "Basic " and base64 of
    /// "user:password". The password is compared in time independent of where it differs.
    /// </summary>
    public sealed class BasicAuth
    {
        public const int MinPasswordChars = 8;
        private const int MaxDecodedBytes = 192;
        private readonly byte[] _password;
        private readonly byte[] _decoded = new byte[MaxDecodedBytes];

        public BasicAuth(string password)
        {
            if (password == null || password.Length < MinPasswordChars)
            {
                throw new System.ArgumentException("the web password must have at least " + MinPasswordChars + " characters");
            }

            _password = new SensorNode.Core.Text.PayloadBuilder(MaxDecodedBytes).Append(password).ToArray();
        }

        /// <summary>True when <paramref name="authorization"/> (the header's value, or null) carries the password.</summary>
        public bool Allows(string authorization)
        {
            if (authorization == null || authorization.Length < 7 || !StartsWithBasic(authorization))
            {
                return false;
            }

            int length = DecodeBase64(authorization, 6, _decoded);
            if (length < 0)
            {
                return false;
            }

            int colon = -1;
            for (int i = 0; i < length; i++)
            {
                if (_decoded[i] == ':')
                {
                    colon = i;
                    break;
                }
            }

            if (colon < 0)
            {
                return false;
            }

            int given = length - colon - 1;
            int difference = given ^ _password.Length;
            for (int i = 0; i < _password.Length; i++)
            {
                byte b = i < given ? _decoded[colon + 1 + i] : (byte)0;
                difference |= b ^ _password[i];
            }

            return difference == 0;
        }

        private static bool StartsWithBasic(string header)
        {
            string scheme = "basic ";
            for (int i = 0; i < scheme.Length; i++)
            {
                char c = header[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + ('a' - 'A'));
                }

                if (c != scheme[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Standard base64 with its padding (RFC 4648 §4) from <paramref name="start"/>; the byte count, or -1 when malformed or too long.</summary>
        public static int DecodeBase64(string text, int start, byte[] output)
        {
            int bits = 0;
            int bitCount = 0;
            int count = 0;
            if ((text.Length - start) % 4 != 0)
            {
                return -1;
            }

            int end = text.Length;
            while (end > start && text[end - 1] == '=')
            {
                end--;
            }

            if (text.Length - end > 2)
            {
                return -1;
            }

            for (int i = start; i < end; i++)
            {
                int value = SextetOf(text[i]);
                if (value < 0)
                {
                    return -1;
                }

                bits = (bits << 6) | value;
                bitCount += 6;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    if (count == output.Length)
                    {
                        return -1;
                    }

                    output[count++] = (byte)(bits >> bitCount);
                    bits &= (1 << bitCount) - 1;
                }
            }

            return bitCount >= 6 ? -1 : count;
        }

        private static int SextetOf(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : c == '/' ? 63 : -1;
        }
    }
}
