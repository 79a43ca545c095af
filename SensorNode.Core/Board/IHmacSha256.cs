namespace SensorNode.Core.Board
{
    /// <summary>HMAC-SHA256 (RFC 2104): nanoFramework.System.Security.Cryptography's HMACSHA256 on the device, .NET's on the host.</summary>
    public interface IHmacSha256
    {
        /// <summary>The 32-byte HMAC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        byte[] Compute(byte[] key, byte[] data, int offset, int count);
    }
}
