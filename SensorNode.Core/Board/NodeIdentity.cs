namespace SensorNode.Core.Board
{
    /// <summary>
    /// A node's default id from its MAC address: the last three bytes in lower-case hex ("a1b2c3"), like the
    /// suffix ESP32 firmwares commonly print. Stable across reflashing, unique enough on one broker.
    /// </summary>
    public static class NodeIdentity
    {
        private const string Digits = "0123456789abcdef";

        public static string FromMac(byte[] mac)
        {
            if (mac == null || mac.Length < 3)
            {
                return "unknown";
            }

            char[] id = new char[6];
            for (int i = 0; i < 3; i++)
            {
                byte b = mac[mac.Length - 3 + i];
                id[i * 2] = Digits[b >> 4];
                id[i * 2 + 1] = Digits[b & 0xF];
            }

            return new string(id);
        }
    }
}
