using System;

namespace SensorNode.VirtualBoard
{
    /// <summary>The outcome of one I2C transaction: its status, the bytes moved, and the bytes read (empty unless full).</summary>
    public sealed record I2cReply(I2cStatus Status, int Transferred, byte[] Read)
    {
        public static I2cReply NotAcknowledged { get; } = new I2cReply(I2cStatus.AddressNotAcknowledged, 0, Array.Empty<byte>());

        public static I2cReply Timeout { get; } = new I2cReply(I2cStatus.ClockStretchTimeout, 0, Array.Empty<byte>());
    }
}
