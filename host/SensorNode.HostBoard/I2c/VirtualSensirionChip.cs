using System;
using System.Device.I2c;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// What Sensirion's I2C parts (SHT3x, SCD4x) share, as an <see cref="I2cDevice"/>: the host writes a 16-bit command,
    /// most significant byte first, optionally followed by data words each with its <see cref="SensirionCrc"/>; the chip
    /// answers a later read with words each followed by its CRC. A subclass says what each command does.
    /// </summary>
    /// <remarks>
    /// A read returns the pending answer from its start and consumes it (the datasheets: data can be read once; the
    /// host may stop early and the rest is gone); bytes past its end read as 0xFF, the idle bus. A read with no answer
    /// pending is not acknowledged. A write shorter than a command does nothing (an address-only probe, an incomplete
    /// command); a complete command discards any answer not yet read. Commands this model leaves out, and data words
    /// with a wrong CRC, are not acknowledged, so a driver that sends one fails loudly instead of reading made-up data.
    /// Like <see cref="VirtualBmx280"/>: every transfer is atomic, disposing a handle does not unplug the chip, and it is
    /// safe to use from several threads.
    /// </remarks>
    public abstract class VirtualSensirionChip : I2cDevice, IFaultableChip
    {
        private readonly object _sync = new object();
        private readonly Func<double> _clockSeconds;
        private byte[] _answer;
        private ChipFault _fault;

        protected VirtualSensirionChip(int address, IAmbient ambient, Func<double> clockSeconds, int busId)
        {
            Ambient = ambient ?? throw new ArgumentNullException(nameof(ambient));
            _clockSeconds = clockSeconds ?? MonotonicClock.StartNew();
            ConnectionSettings = new I2cConnectionSettings(busId, address);
        }

        public IAmbient Ambient { get; }

        public override I2cConnectionSettings ConnectionSettings { get; }

        /// <summary>The failure the chip shows from now on; <see cref="ChipFault.None"/> to heal it.</summary>
        public ChipFault Fault
        {
            get
            {
                lock (_sync)
                {
                    return _fault;
                }
            }

            set
            {
                lock (_sync)
                {
                    double now = _clockSeconds();
                    OnFaultChanging(_fault, value, now);
                    _fault = value;
                    System.Threading.Monitor.PulseAll(_sync); // a hung transfer ends when healed
                }
            }
        }

        /// <summary>Whether the results are frozen (<see cref="ChipFault.StuckMeasurement"/>); read under the chip's lock.</summary>
        protected bool IsStuck => _fault == ChipFault.StuckMeasurement;

        public override void Read(Span<byte> buffer)
        {
            lock (_sync)
            {
                if (buffer.Length == 0)
                {
                    throw new ArgumentException("buffer cannot be empty.", nameof(buffer)); // as UnixI2cBus does
                }

                double now = _clockSeconds();
                ThrowIfNotAcknowledging(now);
                ReadAnswer(buffer);
            }
        }

        public override byte ReadByte()
        {
            Span<byte> one = stackalloc byte[1];
            Read(one);
            return one[0];
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_sync)
            {
                double now = _clockSeconds();
                ThrowIfNotAcknowledging(now);
                RunCommand(buffer, now);
            }
        }

        public override void WriteByte(byte value)
        {
            Span<byte> one = stackalloc byte[] { value };
            Write(one);
        }

        /// <summary>Write then read with a repeated start, both at the same instant: no time for a command to run.</summary>
        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            lock (_sync)
            {
                if (readBuffer.Length == 0)
                {
                    throw new ArgumentException("readBuffer cannot be empty.", nameof(readBuffer));
                }

                double now = _clockSeconds();
                ThrowIfNotAcknowledging(now);
                RunCommand(writeBuffer, now);
                ThrowIfNotAcknowledging(now);
                ReadAnswer(readBuffer);
            }
        }

        /// <summary>Whether the chip acknowledges its address at this moment (false while it is busy and does not listen).</summary>
        protected virtual bool IsListening(double now)
        {
            return true;
        }

        /// <summary>Runs a command; false when the chip does not accept it (then it is not acknowledged).</summary>
        protected abstract bool Execute(ushort command, ushort[] arguments, double now);

        /// <summary>Called before the fault changes, with the chip's lock held.</summary>
        protected virtual void OnFaultChanging(ChipFault from, ChipFault to, double now)
        {
        }

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

        private void ThrowIfNotAcknowledging(double now)
        {
            while (_fault == ChipFault.BusHang)
            {
                System.Threading.Monitor.Wait(_sync); // the transfer hangs, the lock is free for healing
            }

            if (_fault == ChipFault.Nack || !IsListening(now))
            {
                throw LinuxI2cErrors.NotAcknowledged();
            }
        }

        private void RunCommand(ReadOnlySpan<byte> buffer, double now)
        {
            if (buffer.Length < 2)
            {
                return;
            }

            if ((buffer.Length - 2) % 3 != 0)
            {
                throw LinuxI2cErrors.NotAcknowledged(); // a data word cut short
            }

            ushort[] arguments = new ushort[(buffer.Length - 2) / 3];
            for (int i = 0; i < arguments.Length; i++)
            {
                ReadOnlySpan<byte> word = buffer.Slice(2 + (i * 3), 3);
                if (!SensirionCrc.IsValidWord(word))
                {
                    throw LinuxI2cErrors.NotAcknowledged();
                }

                arguments[i] = (ushort)((word[0] << 8) | word[1]);
            }

            _answer = null;
            if (!Execute((ushort)((buffer[0] << 8) | buffer[1]), arguments, now))
            {
                throw LinuxI2cErrors.NotAcknowledged();
            }
        }

        private void ReadAnswer(Span<byte> buffer)
        {
            if (_answer == null)
            {
                throw LinuxI2cErrors.NotAcknowledged(); // nothing to send: the read header is not acknowledged
            }

            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = i < _answer.Length ? _answer[i] : (byte)0xFF;
            }

            _answer = null;
        }
    }
}
