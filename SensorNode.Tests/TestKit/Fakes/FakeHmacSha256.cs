using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// A keyed digest for tests of the signing logic, not a cryptographic one: every byte of key and data changes
    /// it. The real HMAC-SHA256 (.NET's on the host, checked against RFC 4231) is tested in the host's tests; the
    /// POSIX nanoCLR has no native HMACSHA256.
    /// </summary>
    public sealed class FakeHmacSha256 : IHmacSha256
    {
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            uint state = 2166136261;
            for (int i = 0; i < key.Length; i++)
            {
                state = (state ^ key[i]) * 16777619;
            }

            for (int i = 0; i < count; i++)
            {
                state = (state ^ data[offset + i]) * 16777619;
            }

            byte[] digest = new byte[32];
            for (int i = 0; i < digest.Length; i++)
            {
                state = (state ^ (uint)i) * 16777619;
                digest[i] = (byte)(state >> 24);
            }

            return digest;
        }
    }
}
