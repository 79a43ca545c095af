using System;
using System.Device.I2c;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A Bosch chip (BMx280, BME680) on the bus as an <see cref="I2cDevice"/>: the bus protocol they share, in front of
    /// the chip's registers (<see cref="IBoschRegisterFile"/>); transfers, faults and the clock are
    /// <see cref="VirtualI2cChip"/>'s.
    /// </summary>
    /// <remarks>
    /// Bus protocol (BME280 and BME680 datasheets, section 6.2): a write alternates register address and data byte (no
    /// auto-increment on writes); a lone address byte only sets the register pointer. A read returns bytes from the
    /// pointer on, incrementing it. Every transfer is atomic, which gives the datasheets' burst-read guarantee (the data
    /// registers do not change during a burst read). Disposing a handle does not unplug the chip: like a part on a real
    /// bus it keeps its state and answers the next handle (the firmware disposes the device it probed with, then opens
    /// it again for the driver). Safe to use from several threads.
    /// </remarks>
    public abstract class VirtualBoschDevice : VirtualI2cChip
    {
        /// <summary>SDO to GND.</summary>
        public const int SecondaryAddress = 0x76;

        /// <summary>SDO to VDDIO.</summary>
        public const int PrimaryAddress = 0x77;

        private readonly IBoschRegisterFile _chip;
        private byte _pointer;

        /// <param name="model">The chip's name, for the error on a wrong address.</param>
        /// <param name="address">0x76 or 0x77, as the SDO pin selects.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        /// <param name="busId">Reported in <see cref="I2cDevice.ConnectionSettings"/>.</param>
        private protected VirtualBoschDevice(string model, int address, IBoschRegisterFile chip, IAmbient ambient, Func<double> clockSeconds, int busId)
            : base(CheckedAddress(model, address), ambient, clockSeconds, busId)
        {
            _chip = chip;
        }

        protected override void OnFaultChanging(ChipFault from, ChipFault to, double now)
        {
            _chip.Advance(now); // what finished before the fault stays finished
            _chip.Hung = to == ChipFault.StuckMeasurement;
        }

        protected override void OnRead(Span<byte> buffer, double now)
        {
            _chip.Advance(now);
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _chip.Read(_pointer, now);
                _pointer = unchecked((byte)(_pointer + 1));
            }
        }

        protected override void OnWrite(ReadOnlySpan<byte> buffer, double now)
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

        private static int CheckedAddress(string model, int address)
        {
            if (address != SecondaryAddress && address != PrimaryAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "A " + model + " answers at 0x76 or 0x77 only.");
            }

            return address;
        }
    }
}
