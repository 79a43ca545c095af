namespace SensorNode.Core.Connection
{
    /// <summary>
    /// What a socket error connecting to the broker means, in words a user can act on: the device's links report
    /// WinSock codes (nanoFramework's SocketException.ErrorCode, as lwIP's errors map to them), M2Mqtt only the number.
    /// </summary>
    public static class BrokerSocketError
    {
        public static string Describe(int code)
        {
            return Meaning(code) + " (socket error " + code.ToString() + ")";
        }

        private static string Meaning(int code)
        {
            switch (code)
            {
                case 10061:
                    return "connection refused: nothing listens at the broker's address and port";
                case 10060:
                    return "connection timed out: the broker did not answer";
                case 10054:
                    return "connection reset by the broker";
                case 10065:
                    return "broker host unreachable: no route to it on this network";
                case 10051:
                case 10050:
                    return "network down: the node has not joined Wi-Fi";
                case 10022:
                    // lwIP's getaddrinfo answers EAI_FAIL for a name it cannot resolve, which nanoFramework reports so.
                    return "broker name not found: check the host name and the network's DNS";
                default:
                    return "socket error connecting to the broker";
            }
        }
    }
}
