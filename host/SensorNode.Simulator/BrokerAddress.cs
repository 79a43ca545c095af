using SensorNode.Core.Config;

namespace SensorNode.Simulator
{
    /// <summary>--broker HOST[:PORT] or [IPV6][:PORT] (port default 1883), parsed by the core's one parser for addresses.</summary>
    public readonly record struct BrokerAddress(string Host, int Port)
    {
        public const int DefaultPort = HostAddress.DefaultPort;

        /// <summary>The address in <paramref name="text"/>, or null and why not (worded for --broker).</summary>
        public static BrokerAddress? Parse(string text, out string error)
        {
            error = HostAddress.TryParse(text, DefaultPort, out string host, out int port);
            if (error != null)
            {
                error = "--broker " + error;
                return null;
            }

            return new BrokerAddress(host, port);
        }
    }
}
