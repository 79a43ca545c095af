using System;
using System.Security.Cryptography;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Security
{
    /// <summary>.NET's HMAC-SHA256, the host twin of the device's nanoFramework HMACSHA256.</summary>
    public sealed class HostHmacSha256 : IHmacSha256
    {
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            return HMACSHA256.HashData(key, data.AsSpan(offset, count));
        }
    }
}
