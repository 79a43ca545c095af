using System;
using System.Device.I2c;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Bosch chip (BMx280, BME680) on the bus as an <see cref="I2cDevice"/>: the bus protocol they share, in front of
    /// the chip's registers (<see cref="IBoschRegisterFile"/>), and the faults the console and the tests can set.
    /// </summary>
    /// <remarks>
    /// Bus protocol (BME280 and BME680 datasheets, section 6.2): a write alternates register address and data byte (no
    /// auto-increment on writes); a lone address byte only sets the register pointer. A read returns bytes from the
    /// pointer on, incrementing it. Every transfer is atomic, which gives the datasheets' burst-read guarantee (the data
    /// registers do not change during a burst read). Disposing a handle does not unplug the chip: like a part on a real
    /// bus it keeps its state and answers the next handle (the firmware disposes the device it probed with, then opens
    /// it again for the driver). Safe to use from several threads.
    /// </remarks>
    public abstract class VirtualBoschDevice : I2cDevice, IFaultableChip
    {
        /// <summary>SDO to GND.</summary>
        public const int SecondaryAddress = 0x76;

        /// <summary>SDO to VDDIO.</summary>
        public const int PrimaryAddress = 0x77;

        private readonly object _sync = new object();
        private readonly IBoschRegisterFile _chip;
        private readonly Func<double> _clockSeconds;
        private byte _pointer;
        private ChipFault _fault;

        /// <param name="model">The chip's name, for the error on a wrong address.</param>
        /// <param name="address">0x76 or 0x77, as the SDO pin selects.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="ConnectionSettings"/>.</param>
        private protected VirtualBoschDevice(string model, int address, IBoschRegisterFile chip, IAmbient ambient, Func<double> clockSeconds, int busId)
        {
            if (address != SecondaryAddress && address != PrimaryAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "A " + model + " answers at 0x76 or 0x77 only.");
            }

            Ambient = ambient ?? throw new ArgumentNullException(nameof(ambient));
            _chip = chip;
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
                    _chip.Advance(_clockSeconds()); // what finished before the fault stays finished
                    _fault = value;
                    System.Threading.Monitor.PulseAll(_sync); // a hung transfer ends when healed
                    _chip.Hung = value == ChipFault.StuckMeasurement;
                }
            }
        }

        public override void Read(Span<byte> buffer)
        {
            lock (_sync)
            {
                if (buffer.Length == 0)
                {
                    throw new ArgumentException("buffer cannot be empty.", nameof(buffer)); // as UnixI2cBus does
                }

                ThrowIfNotAcknowledging();
                ReadRegisters(buffer, _clockSeconds());
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
                ThrowIfNotAcknowledging();
                WriteRegisters(buffer, _clockSeconds());
            }
        }

        public override void WriteByte(byte value)
        {
            Span<byte> one = stackalloc byte[] { value };
            Write(one);
        }

        /// <summary>Write then read with a repeated start: one transaction, as I2C_RDWR sends it.</summary>
        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            lock (_sync)
            {
                if (readBuffer.Length == 0)
                {
                    throw new ArgumentException("readBuffer cannot be empty.", nameof(readBuffer));
                }

                ThrowIfNotAcknowledging();
                double now = _clockSeconds();
                WriteRegisters(writeBuffer, now);
                ReadRegisters(readBuffer, now);
            }
        }

        private void ThrowIfNotAcknowledging()
        {
            while (_fault == ChipFault.BusHang)
            {
                System.Threading.Monitor.Wait(_sync); // the transfer hangs, the lock is free for healing
            }

            if (_fault == ChipFault.Nack)
            {
                throw LinuxI2cErrors.NotAcknowledged();
            }
        }

        private void ReadRegisters(Span<byte> buffer, double now)
        {
            _chip.Advance(now);
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _chip.Read(_pointer, now);
                _pointer = unchecked((byte)(_pointer + 1));
            }
        }

        private void WriteRegisters(ReadOnlySpan<byte> buffer, double now)
        {
            _chip.Advance(now);
            int i = 0;
            while (i < buffer.Length)
            {
                _pointer = buffer[i];
                if (i + 1 < buffer.Length)
                {
                    _chip.Write(buffer[i], buffer[i + 1], now);
                }

                i += 2;
            }
        }
    }
}
