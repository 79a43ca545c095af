namespace SensorNode.Core.Web
{
    /// <summary>
    /// Reads one HTTP/1.x request from the bytes received so far, strictly: CRLF line ends, a request line of
    /// method, origin-form path (at most <see cref="MaxPathChars"/>) and version, header lines "name: value" of
    /// visible ASCII (obs-text allowed in headers it skips), no folded lines, no chunked bodies, a body only with a
    /// Content-Length of at most the caller's limit, which must fit the buffer with the head. Anything else is
    /// refused with the status a server answers. Never throws; fuzzed in host/SensorNode.FuzzTests.
    /// </summary>
    public static class HttpRequestParser
    {
        public const int MaxPathChars = 64;
        private const int MaxKeptValueChars = 512;

        /// <summary>
        /// Parses <paramref name="length"/> bytes of <paramref name="buffer"/> into <paramref name="request"/>;
        /// <see cref="HttpParse.Incomplete"/> until the head and a body of Content-Length bytes are there.
        /// </summary>
        public static HttpParse Parse(byte[] buffer, int length, int maxBodyBytes, HttpRequest request)
        {
            request.Reset();
            int headEnd = IndexOfBlankLine(buffer, length);
            if (headEnd < 0)
            {
                return HttpParse.Incomplete;
            }

            int lineEnd = IndexOfCrLf(buffer, 0, headEnd);
            if (!ParseRequestLine(buffer, lineEnd, request))
            {
                return HttpParse.Bad;
            }

            int position = lineEnd + 2;
            while (position < headEnd - 2)
            {
                int end = IndexOfCrLf(buffer, position, headEnd);
                if (!ParseHeader(buffer, position, end, request))
                {
                    return HttpParse.Bad;
                }

                position = end + 2;
            }

            if (request.Host == null)
            {
                return Refuse(request, 400, "no Host header");
            }

            int bodyLength = request.ContentLength < 0 ? 0 : request.ContentLength;
            if (request.Method == HttpMethod.Post && request.ContentLength < 0)
            {
                return Refuse(request, 411, "a POST needs a Content-Length");
            }

            if (bodyLength > maxBodyBytes)
            {
                return Refuse(request, 413, "the body is over " + maxBodyBytes + " bytes");
            }

            if (headEnd + bodyLength > buffer.Length)
            {
                return Refuse(request, 431, "the headers are too large");
            }

            if (length < headEnd + bodyLength)
            {
                return HttpParse.Incomplete;
            }

            request.BodyOffset = headEnd;
            request.BodyLength = bodyLength;
            return HttpParse.Complete;
        }

        private static bool ParseRequestLine(byte[] buffer, int end, HttpRequest request)
        {
            int space = IndexOf(buffer, 0, end, (byte)' ');
            if (space <= 0 || !IsToken(buffer, 0, space))
            {
                Refuse(request, 400, "malformed request line");
                return false;
            }

            request.Method = Is(buffer, 0, space, "GET") ? HttpMethod.Get : Is(buffer, 0, space, "POST") ? HttpMethod.Post : HttpMethod.Other;
            int targetStart = space + 1;
            int targetEnd = IndexOf(buffer, targetStart, end, (byte)' ');
            if (targetEnd < 0 || targetEnd == targetStart || buffer[targetStart] != (byte)'/')
            {
                Refuse(request, 400, "the target must be a path");
                return false;
            }

            if (!Is(buffer, targetEnd + 1, end, "HTTP/1.1") && !Is(buffer, targetEnd + 1, end, "HTTP/1.0"))
            {
                Refuse(request, 505, "only HTTP/1.0 and 1.1");
                return false;
            }

            int pathEnd = IndexOf(buffer, targetStart, targetEnd, (byte)'?');
            if (pathEnd < 0)
            {
                pathEnd = targetEnd;
            }

            if (pathEnd - targetStart > MaxPathChars)
            {
                Refuse(request, 414, "the path is over " + MaxPathChars + " characters");
                return false;
            }

            for (int i = targetStart; i < targetEnd; i++)
            {
                if (buffer[i] <= 0x20 || buffer[i] >= 0x7F)
                {
                    Refuse(request, 400, "the target must be visible ASCII");
                    return false;
                }
            }

            if (request.Method == HttpMethod.Other)
            {
                Refuse(request, 405, "only GET and POST");
                return false;
            }

            request.Path = Ascii(buffer, targetStart, pathEnd);
            return true;
        }

        private static bool ParseHeader(byte[] buffer, int start, int end, HttpRequest request)
        {
            int colon = IndexOf(buffer, start, end, (byte)':');
            if (colon <= start || !IsToken(buffer, start, colon))
            {
                Refuse(request, 400, "malformed header line");
                return false;
            }

            int valueStart = colon + 1;
            while (valueStart < end && IsBlank(buffer[valueStart]))
            {
                valueStart++;
            }

            int valueEnd = end;
            while (valueEnd > valueStart && IsBlank(buffer[valueEnd - 1]))
            {
                valueEnd--;
            }

            for (int i = valueStart; i < valueEnd; i++)
            {
                byte b = buffer[i];
                if ((b < 0x20 && b != 0x09) || b == 0x7F)
                {
                    Refuse(request, 400, "a control character in a header");
                    return false;
                }
            }

            if (IsName(buffer, start, colon, "content-length"))
            {
                return TakeContentLength(buffer, valueStart, valueEnd, request);
            }

            if (IsName(buffer, start, colon, "transfer-encoding"))
            {
                Refuse(request, 501, "no Transfer-Encoding (send a Content-Length)");
                return false;
            }

            if (IsName(buffer, start, colon, "host"))
            {
                return Keep(buffer, valueStart, valueEnd, request, ref request.Host);
            }

            if (IsName(buffer, start, colon, "origin"))
            {
                return Keep(buffer, valueStart, valueEnd, request, ref request.Origin);
            }

            if (IsName(buffer, start, colon, "authorization"))
            {
                return Keep(buffer, valueStart, valueEnd, request, ref request.Authorization);
            }

            return true;
        }

        /// <summary>A header the console acts on: visible ASCII, bounded, and given once.</summary>
        private static bool Keep(byte[] buffer, int start, int end, HttpRequest request, ref string field)
        {
            if (field != null)
            {
                Refuse(request, 400, "a header given twice");
                return false;
            }

            if (end - start > MaxKeptValueChars)
            {
                Refuse(request, 431, "a header value is too long");
                return false;
            }

            for (int i = start; i < end; i++)
            {
                if (buffer[i] > 0x7E)
                {
                    Refuse(request, 400, "a header that must be ASCII is not");
                    return false;
                }
            }

            field = Ascii(buffer, start, end);
            return true;
        }

        private static bool TakeContentLength(byte[] buffer, int start, int end, HttpRequest request)
        {
            if (end == start || end - start > 9)
            {
                Refuse(request, 400, "a malformed Content-Length");
                return false;
            }

            int value = 0;
            for (int i = start; i < end; i++)
            {
                if (buffer[i] < (byte)'0' || buffer[i] > (byte)'9')
                {
                    Refuse(request, 400, "a malformed Content-Length");
                    return false;
                }

                value = value * 10 + (buffer[i] - '0');
            }

            if (request.ContentLength >= 0 && request.ContentLength != value)
            {
                Refuse(request, 400, "two different Content-Lengths");
                return false;
            }

            request.ContentLength = value;
            return true;
        }

        private static HttpParse Refuse(HttpRequest request, int status, string error)
        {
            request.Status = status;
            request.Error = error;
            return HttpParse.Bad;
        }

        /// <summary>The index just past the first CRLF CRLF, or -1.</summary>
        private static int IndexOfBlankLine(byte[] buffer, int length)
        {
            for (int i = 3; i < length; i++)
            {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r')
                {
                    return i + 1;
                }
            }

            return -1;
        }

        /// <summary>The index of the CR of the first CRLF from <paramref name="start"/> (one is always there before <paramref name="end"/>).</summary>
        private static int IndexOfCrLf(byte[] buffer, int start, int end)
        {
            for (int i = start; i + 1 < end; i++)
            {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n')
                {
                    return i;
                }
            }

            return end - 2;
        }

        private static int IndexOf(byte[] buffer, int start, int end, byte value)
        {
            for (int i = start; i < end; i++)
            {
                if (buffer[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsBlank(byte b)
        {
            return b == ' ' || b == '\t';
        }

        /// <summary>RFC 9110 tchar: what a method or a header name is made of.</summary>
        private static bool IsToken(byte[] buffer, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                byte b = buffer[i];
                bool alphanumeric = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
                if (!alphanumeric && "!#$%&'*+-.^_`|~".IndexOf((char)b) < 0)
                {
                    return false;
                }
            }

            return end > start;
        }

        /// <summary>Exactly <paramref name="text"/> (case-sensitive: methods and versions are).</summary>
        private static bool Is(byte[] buffer, int start, int end, string text)
        {
            if (end - start != text.Length)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (buffer[start + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A header name, compared without case with <paramref name="lowerCase"/>.</summary>
        private static bool IsName(byte[] buffer, int start, int end, string lowerCase)
        {
            if (end - start != lowerCase.Length)
            {
                return false;
            }

            for (int i = 0; i < lowerCase.Length; i++)
            {
                int b = buffer[start + i];
                if (b >= 'A' && b <= 'Z')
                {
                    b += 'a' - 'A';
                }

                if (b != lowerCase[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Ascii(byte[] buffer, int start, int end)
        {
            char[] chars = new char[end - start];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)buffer[start + i];
            }

            return new string(chars);
        }
    }
}
