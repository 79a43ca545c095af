namespace SensorNode.Core.Config
{
    /// <summary>
    /// The one parser for broker addresses and host names: <c>host</c>, <c>host:port</c>, <c>[v6]</c> and
    /// <c>[v6]:port</c>, every other form refused; a host is a DNS name (RFC 1123 labels), a dotted IPv4 address or
    /// (in brackets, or alone in <c>broker_host</c>) an IPv6 address. Used by the config's <c>broker_host</c> and the
    /// simulator's <c>--broker</c>, so a host that could never resolve is refused before a trial, not after it.
    /// </summary>
    public static class HostAddress
    {
        public const int DefaultPort = 1883;
        private const int MaxNameLength = 253;
        private const int MaxLabelLength = 63;

        /// <summary>
        /// Splits <paramref name="text"/> into host and port (<paramref name="defaultPort"/> when none is given):
        /// null, or what is wrong with it.
        /// </summary>
        public static string TryParse(string text, int defaultPort, out string host, out int port)
        {
            host = null;
            port = defaultPort;
            if (text == null || text.Length == 0)
            {
                return "needs a host, e.g. localhost:1883 or [::1]:1883";
            }

            string rest;
            if (text[0] == '[')
            {
                int close = text.IndexOf(']');
                if (close < 0)
                {
                    return "'" + text + "' opens '[' without closing it: an IPv6 address is written [::1] or [::1]:1883";
                }

                host = text.Substring(1, close - 1);
                if (!IsIpv6(host))
                {
                    return "'" + host + "' in brackets is not an IPv6 address";
                }

                rest = text.Substring(close + 1);
            }
            else
            {
                int colon = text.IndexOf(':');
                if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
                {
                    return "'" + text + "' has more than one ':': write an IPv6 address in brackets, e.g. [::1]:1883";
                }

                host = colon < 0 ? text : text.Substring(0, colon);
                rest = colon < 0 ? "" : text.Substring(colon);
                string invalid = CheckName(host);
                if (invalid != null)
                {
                    return invalid;
                }
            }

            if (rest.Length == 0)
            {
                return null;
            }

            if (rest[0] != ':')
            {
                return "'" + text + "' has '" + rest + "' after the host: only ':' and a port may follow";
            }

            return TryParsePort(rest.Substring(1), out port);
        }

        /// <summary>A broker_host value: a DNS name, an IPv4 address or a bare IPv6 address; null, or what is wrong.</summary>
        public static string CheckHost(string host)
        {
            if (host != null && host.IndexOf(':') >= 0)
            {
                return IsIpv6(host) ? null : "'" + host + "' is neither a host name nor an IPv6 address";
            }

            return CheckName(host);
        }

        /// <summary>A DNS name or dotted IPv4 address: letters, digits, '-' and '.', labels of 1 to 63 characters.</summary>
        private static string CheckName(string host)
        {
            if (host == null || host.Length == 0)
            {
                return "needs a host, e.g. localhost:1883 or [::1]:1883";
            }

            if (host.Length > MaxNameLength)
            {
                return "a host name has at most " + MaxNameLength + " characters";
            }

            int labelStart = 0;
            for (int i = 0; i <= host.Length; i++)
            {
                if (i == host.Length || host[i] == '.')
                {
                    int length = i - labelStart;
                    // A trailing dot (the root) is allowed; an empty label elsewhere is not.
                    if ((length == 0 && !(i == host.Length && i > 0)) || length > MaxLabelLength
                        || (length > 0 && (host[labelStart] == '-' || host[i - 1] == '-')))
                    {
                        return "'" + host + "' is not a host name: labels of 1 to " + MaxLabelLength + " letters, digits or '-' (not first or last), separated by '.'";
                    }

                    labelStart = i + 1;
                    continue;
                }

                char c = host[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return "'" + host + "' is not a host name: '" + c + "' is not a letter, digit, '-' or '.'";
                }
            }

            return null;
        }

        private static string TryParsePort(string digits, out int port)
        {
            port = 0;
            bool valid = digits.Length > 0 && digits.Length <= 5;
            for (int i = 0; valid && i < digits.Length; i++)
            {
                valid = digits[i] >= '0' && digits[i] <= '9';
                port = port * 10 + (digits[i] - '0');
            }

            if (!valid || port < 1 || port > 65535)
            {
                port = 0;
                return "the port must be a whole number from 1 to 65535, not '" + digits + "'";
            }

            return null;
        }

        /// <summary>RFC 4291 text: up to eight groups of 1 to 4 hex digits, one "::" at most, an IPv4 tail allowed.</summary>
        private static bool IsIpv6(string text)
        {
            if (text.Length < 2 || text.Length > 45)
            {
                return false;
            }

            int groups = 0;
            bool compressed = false;
            int i = 0;
            if (text[0] == ':')
            {
                if (text[1] != ':')
                {
                    return false;
                }

                compressed = true;
                i = 2;
                if (i == text.Length)
                {
                    return true; // "::"
                }
            }

            while (i < text.Length)
            {
                int start = i;
                while (i < text.Length && i - start < 5 && IsHex(text[i]))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '.')
                {
                    // An IPv4 tail counts for two groups and ends the address.
                    return IsIpv4(text.Substring(start)) && (compressed ? groups + 2 <= 7 : groups + 2 == 8);
                }

                int digits = i - start;
                if (digits == 0 || digits > 4)
                {
                    return false;
                }

                groups++;
                if (i == text.Length)
                {
                    break;
                }

                if (text[i] != ':')
                {
                    return false;
                }

                i++;
                if (i < text.Length && text[i] == ':')
                {
                    if (compressed)
                    {
                        return false;
                    }

                    compressed = true;
                    i++;
                    if (i == text.Length)
                    {
                        break;
                    }
                }
                else if (i == text.Length)
                {
                    return false; // a single trailing ':'
                }
            }

            return compressed ? groups <= 7 : groups == 8;
        }

        private static bool IsIpv4(string text)
        {
            int parts = 0;
            int value = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (value < 0 || value > 255)
                    {
                        return false;
                    }

                    parts++;
                    value = -1;
                    continue;
                }

                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }

                value = (value < 0 ? 0 : value * 10) + (text[i] - '0');
            }

            return parts == 4;
        }

        private static bool IsHex(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
