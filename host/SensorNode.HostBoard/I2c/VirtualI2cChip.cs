using System;
using System.Device.I2c;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A chip on the virtual bus as an <see cref="I2cDevice"/>, whatever it speaks: the register-level Bosch chips
    /// (<see cref="VirtualBoschDevice"/>) and the command-level ones (<see cref="VirtualCommandChip"/>). A subclass says
    /// what a write does (<see cref="OnWrite"/>) and what a read returns (<see cref="OnRead"/>); this base gives every
    /// transfer the chip's lock, its clock and the faults (<see cref="ChipFault"/>): <c>Nack</c> and a chip that is not
    /// listening (<see cref="IsListening"/>) are not acknowledged, <c>BusHang</c> holds the transfer until healed (it
    /// then runs at the time it is released), <c>StuckMeasurement</c> is the subclass's to honour (<see cref="IsStuck"/>).
    /// </summary>
    /// <remarks>
    /// Every transfer is atomic, disposing a handle does not unplug the chip, and it is safe to use from several
    /// threads. A write-read (repeated start) runs both halves at the same instant: no time for a command to run.
    /// </remarks>
    public abstract class VirtualI2cChip : I2cDevice, IFaultableChip
    {
        private readonly object _sync = new object();
        private readonly Func<double> _clockSeconds;
        private ChipFault _fault;

        private protected VirtualI2cChip(int address, IAmbient ambient, Func<double> clockSeconds, int busId)
        {
            Ambient = ambient ?? throw new ArgumentNullException(nameof(ambient));
            _clockSeconds = clockSeconds ?? MonotonicClock.StartNew();
            ConnectionSettings = new I2cConnectionSettings(busId, address);
        }

        /// <summary>What the chip measures.</summary>
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

                double now = Acknowledge();
                OnRead(buffer, now);
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
                double now = Acknowledge();
                OnWrite(buffer, now);
            }
        }

        public override void WriteByte(byte value)
        {
            Span<byte> one = stackalloc byte[] { value };
            Write(one);
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            lock (_sync)
            {
                if (readBuffer.Length == 0)
                {
                    throw new ArgumentException("readBuffer cannot be empty.", nameof(readBuffer));
                }

                double now = Acknowledge();
                OnWrite(writeBuffer, now);
                if (!IsListening(now))
                {
                    throw NotAcknowledged(); // the write made the chip busy: the read half is not acknowledged
                }

                OnRead(readBuffer, now);
            }
        }

        /// <summary>Whether the chip acknowledges its address at this moment (false while it is busy and does not listen).</summary>
        protected virtual bool IsListening(double now)
        {
            return true;
        }

        /// <summary>Bytes the host wrote in one transaction (may be empty: an address-only probe); throw <see cref="NotAcknowledged"/> to refuse them.</summary>
        protected abstract void OnWrite(ReadOnlySpan<byte> bytes, double now);

        /// <summary>Fills a read transaction; throw <see cref="NotAcknowledged"/> when the chip has nothing to send.</summary>
        protected abstract void OnRead(Span<byte> buffer, double now);

        /// <summary>Called before the fault changes, with the chip's lock held.</summary>
        protected virtual void OnFaultChanging(ChipFault from, ChipFault to, double now)
        {
        }

        /// <summary>What a byte or an address nobody acknowledges looks like on Linux.</summary>
        protected static Exception NotAcknowledged()
        {
            return LinuxI2cErrors.NotAcknowledged();
        }

        /// <summary>The time the transfer runs at, once the chip acknowledges its address; throws when it does not.</summary>
        private double Acknowledge()
        {
            while (_fault == ChipFault.BusHang)
            {
                System.Threading.Monitor.Wait(_sync); // the transfer hangs, the lock is free for healing
            }

            double now = _clockSeconds();
            if (_fault == ChipFault.Nack || !IsListening(now))
            {
                throw NotAcknowledged();
            }

            return now;
        }
    }
}
