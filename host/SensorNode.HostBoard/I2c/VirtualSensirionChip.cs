using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// What Sensirion's I2C parts (SHT3x, SCD4x) share, as a <see cref="System.Device.I2c.I2cDevice"/>: the host writes a 16-bit command,
    /// most significant byte first, optionally followed by data words each with its <see cref="SensirionCrc"/>; the chip
    /// answers a later read with words each followed by its CRC. A subclass says what each command does.
    /// </summary>
    /// <remarks>
    /// A read returns the pending answer from its start and consumes it (the datasheets: data can be read once; the
    /// host may stop early and the rest is gone); bytes past its end read as 0xFF, the idle bus. A read with no answer
    /// pending is not acknowledged. A write shorter than a command does nothing (an address-only probe, an incomplete
    /// command); a complete command discards any answer not yet read. Commands this model leaves out, and data words
    /// with a wrong CRC, are not acknowledged, so a driver that sends one fails loudly instead of reading made-up data.
    /// Transfers, faults and the clock are <see cref="VirtualCommandChip"/>'s.
    /// </remarks>
    public abstract class VirtualSensirionChip : VirtualCommandChip
    {
        private byte[] _answer;

        protected VirtualSensirionChip(int address, IAmbient ambient, Func<double> clockSeconds, int busId)
            : base(address, ambient, clockSeconds, busId)
        {
        }

        /// <summary>Runs a command; false when the chip does not accept it (then it is not acknowledged).</summary>
        protected abstract bool Execute(ushort command, ushort[] arguments, double now);

        /// <summary>Makes these words, each with its CRC, the answer to the next read.</summary>
        protected void Answer(params ushort[] words)
        {
            byte[] answer = new byte[words.Length * 3];
            for (int i = 0; i < words.Length; i++)
            {
                SensirionCrc.WriteWord(answer.AsSpan(i * 3), words[i]);
            }

            _answer = answer;
        }

        protected override void OnWrite(ReadOnlySpan<byte> buffer, double now)
        {
            if (buffer.Length < 2)
            {
                return;
            }

            if ((buffer.Length - 2) % 3 != 0)
            {
                throw NotAcknowledged(); // a data word cut short
            }

            ushort[] arguments = new ushort[(buffer.Length - 2) / 3];
            for (int i = 0; i < arguments.Length; i++)
            {
                ReadOnlySpan<byte> word = buffer.Slice(2 + (i * 3), 3);
                if (!SensirionCrc.IsValidWord(word))
                {
                    throw NotAcknowledged();
                }

                arguments[i] = (ushort)((word[0] << 8) | word[1]);
            }

            _answer = null;
            if (!Execute((ushort)((buffer[0] << 8) | buffer[1]), arguments, now))
            {
                throw NotAcknowledged();
            }
        }

        protected override void OnRead(Span<byte> buffer, double now)
        {
            if (_answer == null)
            {
                throw NotAcknowledged(); // nothing to send: the read header is not acknowledged
            }

            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = i < _answer.Length ? _answer[i] : (byte)0xFF;
            }

            _answer = null;
        }
    }
}
