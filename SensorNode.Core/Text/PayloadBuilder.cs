using System;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Text
{
    /// <summary>
    /// Writes MQTT payloads (plain numbers and JSON) as UTF-8 into one reusable buffer, so a telemetry cycle
    /// formats without allocating. Writing past the capacity sets <see cref="Overflowed"/> instead of throwing;
    /// the caller reports it.
    /// </summary>
    public sealed class PayloadBuilder
    {
        private static readonly long[] PowersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
        private readonly byte[] _buffer;
        private readonly byte[] _digits = new byte[20];
        private int _length;
        private int _neededLength;
        private bool _overflowed;

        public PayloadBuilder(int capacity)
        {
            _buffer = new byte[capacity];
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length
        {
            get { return _length; }
        }

        public bool Overflowed
        {
            get { return _overflowed; }
        }

        /// <summary>The length the text would have had without a capacity: what a buffer must hold to take it whole.</summary>
        public int NeededLength
        {
            get { return _neededLength; }
        }

        public PayloadBuilder Clear()
        {
            _length = 0;
            _neededLength = 0;
            _overflowed = false;
            return this;
        }

        /// <summary>Appends one UTF-16 unit; a surrogate alone has no UTF-8 form and becomes U+FFFD (use the string overloads for pairs).</summary>
        public PayloadBuilder Append(char c)
        {
            AppendCodePoint(IsSurrogate(c) ? Replacement : c);
            return this;
        }

        /// <summary>Appends text as UTF-8: a surrogate pair (an emoji) as its one 4-byte sequence, a lone surrogate as U+FFFD.</summary>
        public PayloadBuilder Append(string text)
        {
            if (text != null)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (IsSurrogate(c))
                    {
                        AppendOutsideBmp(text, i, false);
                        break;
                    }

                    AppendCodePoint(c);
                }
            }

            return this;
        }

        /// <summary>Appends a JSON string literal: quotes and escapes included.</summary>
        public PayloadBuilder AppendJsonString(string text)
        {
            AppendByte((byte)'"');
            if (text != null)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (IsSurrogate(c))
                    {
                        AppendOutsideBmp(text, i, true);
                        break;
                    }

                    AppendJsonChar(c);
                }
            }

            AppendByte((byte)'"');
            return this;
        }

        /// <summary>Appends a JSON string literal, or null when <paramref name="text"/> is null (unknown).</summary>
        public PayloadBuilder AppendJsonStringOrNull(string text)
        {
            return text == null ? Append("null") : AppendJsonString(text);
        }

        /// <summary>Appends "name": ready for a value (a comma is the caller's business).</summary>
        public PayloadBuilder AppendJsonKey(string name)
        {
            AppendJsonString(name);
            AppendByte((byte)':');
            return this;
        }

        public PayloadBuilder AppendInteger(long value)
        {
            if (value < 0)
            {
                AppendByte((byte)'-');
                if (value == long.MinValue)
                {
                    // -long.MinValue does not fit a long; never reached by the node's own numbers.
                    return Append("9223372036854775808");
                }

                value = -value;
            }

            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' + (value % 10));
                value /= 10;
            }
            while (value != 0);

            while (count > 0)
            {
                AppendByte(_digits[--count]);
            }

            return this;
        }

        /// <summary>
        /// Appends an invariant-culture decimal with exactly <paramref name="decimals"/> digits after the point
        /// (rounded half away from zero), e.g. 21.5 with 2 decimals gives "21.50". NaN and infinities have no
        /// JSON or plain-number form: callers check with <see cref="IsFinite"/> first.
        /// </summary>
        public PayloadBuilder AppendFixed(double value, int decimals)
        {
            long units = UnitsOf(value, ScaleOf(decimals)); // rounded away from zero, without sign: -0.001 gives "0.00"
            return AppendUnits(value < 0 ? -units : units, decimals);
        }

        /// <summary>
        /// Appends a number kept as whole units of its last digit, e.g. 2153 with 2 decimals gives "21.53": exactly
        /// what <see cref="AppendFixed"/> wrote for the value, without going through a double again.
        /// </summary>
        public PayloadBuilder AppendUnits(long units, int decimals)
        {
            long scale = ScaleOf(decimals);
            if (units < 0)
            {
                AppendByte((byte)'-');
                units = -units;
            }

            AppendInteger(units / scale);
            if (decimals > 0)
            {
                AppendByte((byte)'.');
                long fraction = units % scale;
                for (long digit = scale / 10; digit > 0; digit /= 10)
                {
                    AppendByte((byte)('0' + (fraction / digit) % 10));
                }
            }

            return this;
        }

        /// <summary>
        /// A value in whole units of its last digit at <paramref name="decimals"/> (rounded as <see cref="AppendFixed"/>
        /// rounds), or <paramref name="none"/> when it is not finite or does not fit an int.
        /// </summary>
        public static int UnitsOrNone(double value, int decimals, int none)
        {
            if (!IsFinite(value))
            {
                return none;
            }

            double magnitude = (value < 0 ? -value : value) * ScaleOf(decimals) + 0.5;
            if (magnitude >= int.MaxValue)
            {
                return none;
            }

            int units = (int)magnitude;
            return value < 0 ? -units : units;
        }

        /// <summary>The number <see cref="AppendFixed"/> writes, as a double: what a subscriber reads back.</summary>
        public static double RoundFixed(double value, int decimals)
        {
            long scale = ScaleOf(decimals);
            double magnitude = (double)UnitsOf(value, scale) / scale;
            return value < 0 ? -magnitude : magnitude;
        }

        private static long ScaleOf(int decimals)
        {
            if (decimals < 0 || decimals >= PowersOfTen.Length)
            {
                throw new ArgumentOutOfRangeException("decimals");
            }

            return PowersOfTen[decimals];
        }

        /// <summary>|value| in units of 1/scale, rounded half away from zero.</summary>
        private static long UnitsOf(double value, long scale)
        {
            return (long)((value < 0 ? -value : value) * scale + 0.5);
        }

        /// <summary>Appends "yyyy-MM-ddTHH:mm:ssZ".</summary>
        public PayloadBuilder AppendIso8601Utc(DateTime utc)
        {
            AppendPadded(utc.Year, 4);
            AppendByte((byte)'-');
            AppendPadded(utc.Month, 2);
            AppendByte((byte)'-');
            AppendPadded(utc.Day, 2);
            AppendByte((byte)'T');
            AppendPadded(utc.Hour, 2);
            AppendByte((byte)':');
            AppendPadded(utc.Minute, 2);
            AppendByte((byte)':');
            AppendPadded(utc.Second, 2);
            AppendByte((byte)'Z');
            return this;
        }

        /// <summary>Appends raw bytes, e.g. a received payload echoed into an event.</summary>
        public PayloadBuilder AppendBytes(byte[] bytes, int count)
        {
            for (int i = 0; i < count; i++)
            {
                AppendByte(bytes[i]);
            }

            return this;
        }

        public static bool IsFinite(double value)
        {
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }

        /// <summary>A copy of what was written, for tests and adapters that need an exact-length array.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_buffer, copy, _length);
            return copy;
        }

        public override string ToString()
        {
            return Utf8.GetString(_buffer, 0, _length);
        }

        private const int Replacement = 0xFFFD;

        private static bool IsSurrogate(int c)
        {
            return c >= 0xD800 && c <= 0xDFFF;
        }

        /// <summary>
        /// The rest of <paramref name="text"/> from <paramref name="from"/>, which holds a character outside the
        /// Basic Multilingual Plane (an emoji), read through ToCharArray: nanoCLR's string indexer gives the high
        /// surrogate for both halves of such a character (docs/nanoframework.md), its ToCharArray gives the pair.
        /// </summary>
        [ColdPath("only text with a character outside the Basic Multilingual Plane, e.g. an emoji")]
        private void AppendOutsideBmp(string text, int from, bool json)
        {
            char[] chars = text.ToCharArray();
            for (int i = from; i < chars.Length; i++)
            {
                int code = chars[i];
                if (code >= 0xD800 && code <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                }
                else if (IsSurrogate(code))
                {
                    code = Replacement;
                }

                if (json)
                {
                    AppendJsonChar(code);
                }
                else
                {
                    AppendCodePoint(code);
                }
            }
        }

        /// <summary>One character of a JSON string: escaped when JSON requires it.</summary>
        private void AppendJsonChar(int c)
        {
            switch (c)
            {
                case '"': Append("\\\""); break;
                case '\\': Append("\\\\"); break;
                case '\n': Append("\\n"); break;
                case '\r': Append("\\r"); break;
                case '\t': Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        Append("\\u00");
                        AppendHexDigit(c >> 4);
                        AppendHexDigit(c & 0xF);
                    }
                    else
                    {
                        AppendCodePoint(c);
                    }

                    break;
            }
        }

        private void AppendCodePoint(int code)
        {
            if (code < 0x80)
            {
                AppendByte((byte)code);
            }
            else if (code < 0x800)
            {
                AppendByte((byte)(0xC0 | (code >> 6)));
                AppendByte((byte)(0x80 | (code & 0x3F)));
            }
            else if (code < 0x10000)
            {
                AppendByte((byte)(0xE0 | (code >> 12)));
                AppendByte((byte)(0x80 | ((code >> 6) & 0x3F)));
                AppendByte((byte)(0x80 | (code & 0x3F)));
            }
            else
            {
                AppendByte((byte)(0xF0 | (code >> 18)));
                AppendByte((byte)(0x80 | ((code >> 12) & 0x3F)));
                AppendByte((byte)(0x80 | ((code >> 6) & 0x3F)));
                AppendByte((byte)(0x80 | (code & 0x3F)));
            }
        }

        private void AppendPadded(int value, int width)
        {
            for (int digit = (int)PowersOfTen[width - 1]; digit > 0; digit /= 10)
            {
                AppendByte((byte)('0' + (value / digit) % 10));
            }
        }

        private void AppendHexDigit(int nibble)
        {
            AppendByte((byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
        }

        private void AppendByte(byte b)
        {
            _neededLength++;
            if (_length < _buffer.Length)
            {
                _buffer[_length++] = b;
            }
            else
            {
                _overflowed = true;
            }
        }
    }
}
