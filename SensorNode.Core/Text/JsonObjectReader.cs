namespace SensorNode.Core.Text
{
    /// <summary>
    /// Reads the members of one flat JSON object ({"key": value, ...}) straight from received bytes.
    /// Values are strings, numbers, booleans or null; nested objects and arrays are reported as errors because
    /// no command or config of the node needs them. nanoFramework's mscorlib has no JSON support.
    /// <code>
    /// var reader = new JsonObjectReader(payload, payload.Length);
    /// while (reader.MoveNext()) { ... reader.Key, reader.Kind, reader.StringValue ... }
    /// if (reader.Error != null) { ... }
    /// </code>
    /// </summary>
    public sealed class JsonObjectReader
    {
        private readonly byte[] _json;
        private readonly int _end;
        private int _position;
        private bool _started;
        private bool _finished;

        public JsonObjectReader(byte[] json, int length)
        {
            _json = json;
            _end = length;
        }

        public string Key { get; private set; }

        public JsonValueKind Kind { get; private set; }

        public string StringValue { get; private set; }

        public double NumberValue { get; private set; }

        public bool BooleanValue { get; private set; }

        /// <summary>Null while the text is well-formed; otherwise what is wrong and where.</summary>
        public string Error { get; private set; }

        /// <summary>Moves to the next member; false at the end of the object or at the first error.</summary>
        public bool MoveNext()
        {
            if (_finished)
            {
                return false;
            }

            SkipWhitespace();
            if (!_started)
            {
                _started = true;
                if (!Expect('{', "a JSON object must start with '{'"))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() == '}')
                {
                    _position++;
                    return Finish();
                }
            }
            else
            {
                if (Peek() == '}')
                {
                    _position++;
                    return Finish();
                }

                if (!Expect(',', "expected ',' or '}'"))
                {
                    return false;
                }

                SkipWhitespace();
            }

            if (Peek() != '"')
            {
                return Fail("expected a quoted member name");
            }

            string key = ReadString();
            if (key == null)
            {
                return false;
            }

            SkipWhitespace();
            if (!Expect(':', "expected ':' after \"" + key + "\""))
            {
                return false;
            }

            SkipWhitespace();
            Key = key;
            return ReadValue();
        }

        private bool ReadValue()
        {
            StringValue = null;
            int c = Peek();
            if (c == '"')
            {
                string text = ReadString();
                if (text == null)
                {
                    return false;
                }

                Kind = JsonValueKind.String;
                StringValue = text;
                return true;
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return ReadNumber();
            }

            if (MatchWord("true"))
            {
                Kind = JsonValueKind.Boolean;
                BooleanValue = true;
                return true;
            }

            if (MatchWord("false"))
            {
                Kind = JsonValueKind.Boolean;
                BooleanValue = false;
                return true;
            }

            if (MatchWord("null"))
            {
                Kind = JsonValueKind.Null;
                return true;
            }

            if (c == '{' || c == '[')
            {
                return Fail("\"" + Key + "\": nested objects and arrays are not supported");
            }

            return Fail(c < 0 ? "unexpected end of text" : "unexpected character '" + (char)c + "'");
        }

        private bool ReadNumber()
        {
            int start = _position;
            bool negative = false;
            if (Peek() == '-')
            {
                negative = true;
                _position++;
            }

            double value = 0;
            int digits = 0;
            int firstDigit = _position;
            while (IsDigit(Peek()))
            {
                value = value * 10 + (_json[_position++] - '0');
                digits++;
            }

            if (digits > 1 && _json[firstDigit] == '0')
            {
                // RFC 8259: an integer part is 0 or starts with 1-9; "01" is not JSON (some readers take it as octal).
                return Fail("malformed number at offset " + start + ": a leading zero");
            }

            if (Peek() == '.')
            {
                _position++;
                double scale = 0.1;
                int fractionDigits = 0;
                while (IsDigit(Peek()))
                {
                    value += (_json[_position++] - '0') * scale;
                    scale /= 10;
                    fractionDigits++;
                }

                if (fractionDigits == 0)
                {
                    return Fail("malformed number at offset " + start);
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                bool negativeExponent = false;
                if (Peek() == '+' || Peek() == '-')
                {
                    negativeExponent = Peek() == '-';
                    _position++;
                }

                int exponent = 0;
                int exponentDigits = 0;
                while (IsDigit(Peek()))
                {
                    // Past 400 the number is 0 or infinite anyway; the digits are read all the same (valid JSON).
                    int digit = _json[_position++] - '0';
                    exponent = exponent < 400 ? exponent * 10 + digit : exponent;
                    exponentDigits++;
                }

                if (exponentDigits == 0)
                {
                    return Fail("malformed number at offset " + start);
                }

                for (int i = 0; i < exponent; i++)
                {
                    value = negativeExponent ? value / 10 : value * 10;
                }
            }

            if (digits == 0)
            {
                return Fail("malformed number at offset " + start);
            }

            Kind = JsonValueKind.Number;
            NumberValue = negative ? -value : value;
            return true;
        }

        /// <summary>Reads a quoted string at the current position; null (and Error set) when malformed.</summary>
        private string ReadString()
        {
            _position++; // opening quote
            char[] chars = null;
            int length = 0;
            int segmentStart = _position;

            // Fast path: no escapes and ASCII only, so the bytes are the characters.
            while (_position < _end)
            {
                byte b = _json[_position];
                if (b == '"')
                {
                    string plain = Utf8.GetString(_json, segmentStart, _position - segmentStart);
                    _position++;
                    return plain;
                }

                if (b == '\\')
                {
                    chars = new char[_end - segmentStart];
                    length = Utf8.GetChars(_json, segmentStart, _position - segmentStart, chars, 0);
                    break;
                }

                if (b < 0x20)
                {
                    Fail("control character in string");
                    return null;
                }

                _position++;
            }

            if (chars == null)
            {
                Fail("unterminated string");
                return null;
            }

            while (_position < _end)
            {
                byte b = _json[_position];
                if (b == '"')
                {
                    _position++;
                    return new string(chars, 0, length);
                }

                if (b == '\\')
                {
                    if (_position + 1 >= _end)
                    {
                        break;
                    }

                    byte escape = _json[_position + 1];
                    _position += 2;
                    switch (escape)
                    {
                        case (byte)'"': chars[length++] = '"'; break;
                        case (byte)'\\': chars[length++] = '\\'; break;
                        case (byte)'/': chars[length++] = '/'; break;
                        case (byte)'b': chars[length++] = '\b'; break;
                        case (byte)'f': chars[length++] = '\f'; break;
                        case (byte)'n': chars[length++] = '\n'; break;
                        case (byte)'r': chars[length++] = '\r'; break;
                        case (byte)'t': chars[length++] = '\t'; break;
                        case (byte)'u':
                            int code = ReadHex4();
                            if (code < 0)
                            {
                                Fail("malformed \\u escape");
                                return null;
                            }

                            chars[length++] = (char)code;
                            break;
                        default:
                            Fail("unknown escape '\\" + (char)escape + "'");
                            return null;
                    }

                    continue;
                }

                if (b < 0x20)
                {
                    Fail("control character in string");
                    return null;
                }

                // Copy one UTF-8 sequence (1 to 4 bytes) through the decoder, in place: a string per character
                // would make a payload's garbage some 60 times its size. The sequence takes continuation bytes
                // only, so a quote, backslash or control byte after a broken sequence is still seen as such.
                int sequenceLength = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                int taken = 1;
                while (taken < sequenceLength && _position + taken < _end && (_json[_position + taken] & 0xC0) == 0x80)
                {
                    taken++;
                }

                length += Utf8.GetChars(_json, _position, taken, chars, length);
                _position += taken;
            }

            Fail("unterminated string");
            return null;
        }

        private int ReadHex4()
        {
            if (_position + 4 > _end)
            {
                return -1;
            }

            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                int nibble = HexDigit.ValueOf(_json[_position++]);
                if (nibble < 0)
                {
                    return -1;
                }

                code = (code << 4) | nibble;
            }

            return code;
        }

        private bool MatchWord(string word)
        {
            if (_position + word.Length > _end)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (_json[_position + i] != word[i])
                {
                    return false;
                }
            }

            _position += word.Length;
            return true;
        }

        private bool Finish()
        {
            _finished = true;
            SkipWhitespace();
            if (_position < _end)
            {
                Error = "unexpected text after the closing '}'";
            }

            return false;
        }

        private bool Expect(char c, string error)
        {
            if (Peek() != c)
            {
                return Fail(error);
            }

            _position++;
            return true;
        }

        private bool Fail(string error)
        {
            Error = error;
            _finished = true;
            return false;
        }

        private int Peek()
        {
            return _position < _end ? _json[_position] : -1;
        }

        private void SkipWhitespace()
        {
            while (_position < _end)
            {
                byte b = _json[_position];
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n')
                {
                    return;
                }

                _position++;
            }
        }

        private static bool IsDigit(int c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
