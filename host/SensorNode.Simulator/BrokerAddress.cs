using System.Globalization;

namespace SensorNode.Simulator
{
    /// <summary>--broker HOST[:PORT]: a host name, IPv4 address or (without a port) IPv6 address, and the port (default 1883).</summary>
    public readonly record struct BrokerAddress(string Host, int Port)
    {
        public const int DefaultPort = 1883;

        /// <summary>The address in <paramref name="text"/>, or null and why not (worded for --broker).</summary>
        public static BrokerAddress? Parse(string text, out string error)
        {
            error = null;
            int colon = text.LastIndexOf(':');
            if (colon == 0 || text.Length == 0)
            {
                error = "--broker needs a host, e.g. --broker localhost:1883";
                return null;
            }

            // One colon separates the port; more are an IPv6 address (which takes the default port).
            if (colon < 0 || text.IndexOf(':') != colon)
            {
                return new BrokerAddress(text, DefaultPort);
            }

            string port = text.Substring(colon + 1);
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > 65535)
            {
                error = "--broker takes a whole number from 1 to 65535, not '" + port + "'";
                return null;
            }

            return new BrokerAddress(text.Substring(0, colon), number);
        }
    }
}
