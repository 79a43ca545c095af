using System;
using System.Text;
using SensorNode.Core.Config.Signing;

namespace SensorNode.HostBoard.Security
{
    /// <summary>
    /// Signs a config for "{base}/config/set" the way the node checks it (<see cref="SignedConfig"/>): the HMAC-SHA256
    /// of "nodeId counter JSON" with the node's key, in hex, a space, then "counter JSON" (the node supplies its id).
    /// </summary>
    public static class ConfigSigner
    {
        public static string Sign(byte[] key, string nodeId, long counter, string json)
        {
            string signedPart = counter.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + json;
            byte[] bytes = Encoding.UTF8.GetBytes(nodeId + " " + signedPart);
            byte[] hmac = new HostHmacSha256().Compute(key, bytes, 0, bytes.Length);
            return Convert.ToHexStringLower(hmac) + " " + signedPart;
        }

        /// <summary>A counter that only grows without any state kept by the signer: milliseconds since 1970.</summary>
        public static long CounterNow()
        {
            return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        }
    }
}
