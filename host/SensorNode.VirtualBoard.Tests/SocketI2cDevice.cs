using System;
using System.Device.I2c;
using System.IO;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>
    /// A .NET <see cref="I2cDevice"/> whose transfers are the board server's i2c requests: .NET IoT's Bmxx80 binding (the
    /// same classes as nanoFramework's) talks through it to the server's chip as the device's binding does through the
    /// I2C native. A transfer that is not full throws, as .NET's Linux driver does for a NACK.
    /// </summary>
    public sealed class SocketI2cDevice : I2cDevice
    {
        private readonly SocketI2cBus _bus;

        public SocketI2cDevice(SocketI2cBus bus, int busId, int address)
        {
            _bus = bus;
            ConnectionSettings = new I2cConnectionSettings(busId, address);
        }

        public override I2cConnectionSettings ConnectionSettings { get; }

        public override byte ReadByte()
        {
            byte[] one = new byte[1];
            Read(one);
            return one[0];
        }

        public override void Read(Span<byte> buffer)
        {
            byte[] read = new byte[buffer.Length];
            Check(_bus.Transfer(ConnectionSettings.DeviceAddress, Array.Empty<byte>(), read));
            read.CopyTo(buffer);
        }

        public override void WriteByte(byte value)
        {
            Write(new[] { value });
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(_bus.Transfer(ConnectionSettings.DeviceAddress, buffer.ToArray(), Array.Empty<byte>()));
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            byte[] read = new byte[readBuffer.Length];
            Check(_bus.Transfer(ConnectionSettings.DeviceAddress, writeBuffer.ToArray(), read));
            read.CopyTo(readBuffer);
        }

        private void Check(I2cStatus status)
        {
            if (status != I2cStatus.FullTransfer)
            {
                throw new IOException("I2C transfer to 0x" + ConnectionSettings.DeviceAddress.ToString("x2") + ": " + status);
            }
        }
    }
}
