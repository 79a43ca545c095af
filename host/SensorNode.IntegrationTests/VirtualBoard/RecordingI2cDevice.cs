using System;
using System.Collections.Generic;
using System.Device.I2c;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// Passes every transfer on to a chip and notes it ("W 21B1" for a write, "R 9" for a nine-byte read), so a test can
    /// state exactly what a binding sends.
    /// </summary>
    internal sealed class RecordingI2cDevice : I2cDevice
    {
        private readonly I2cDevice _chip;
        private readonly List<string> _transfers = new List<string>();

        public RecordingI2cDevice(I2cDevice chip)
        {
            _chip = chip;
        }

        public override I2cConnectionSettings ConnectionSettings => _chip.ConnectionSettings;

        public IReadOnlyList<string> Transfers
        {
            get
            {
                lock (_transfers)
                {
                    return _transfers.ToArray();
                }
            }
        }

        public override void Read(Span<byte> buffer)
        {
            Note("R " + buffer.Length);
            _chip.Read(buffer);
        }

        public override byte ReadByte()
        {
            Note("R 1");
            return _chip.ReadByte();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Note("W " + Convert.ToHexString(buffer));
            _chip.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Note("W " + value.ToString("X2"));
            _chip.WriteByte(value);
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Note("W " + Convert.ToHexString(writeBuffer) + " R " + readBuffer.Length);
            _chip.WriteRead(writeBuffer, readBuffer);
        }

        private void Note(string transfer)
        {
            lock (_transfers)
            {
                _transfers.Add(transfer);
            }
        }
    }
}
