using System.Security.Cryptography;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Randomness
{
    /// <summary>The operating system's cryptographic generator: the host's counterpart of the ESP32's hardware RNG.</summary>
    public sealed class CryptographicNonceSource : INonceSource
    {
        public void Fill(byte[] nonce)
        {
            RandomNumberGenerator.Fill(nonce);
        }
    }
}
