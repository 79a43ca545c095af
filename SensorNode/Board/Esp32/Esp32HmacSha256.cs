using System;
using System.Security.Cryptography;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// HMAC-SHA256 by nanoFramework.System.Security.Cryptography 1.0.43 (HMACSHA256.HashData, native on the ESP32).
    /// Its HashData takes whole arrays, so the signed bytes are copied out first (once per signed config).
    /// </summary>
    public sealed class Esp32HmacSha256 : IHmacSha256
    {
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            byte[] source = new byte[count];
            Array.Copy(data, offset, source, 0, count);
            return HMACSHA256.HashData(key, source);
        }
    }
}
