using System;
using System.Collections.Generic;
using System.Device.I2c;
using System.Linq;
using System.Threading;
using SensorNode.HostBoard.I2c;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The virtual ESP32's I2C bus: the simulator's virtual chips (host/SensorNode.HostBoard, <see cref="VirtualChips"/>) on a
    /// <see cref="VirtualI2cBus"/>, answering transactions with the status the ESP32's I2C driver gives: an address
    /// nobody acknowledges (no chip there, or one failing with <see cref="ChipFault.Nack"/>) is
    /// <see cref="I2cStatus.AddressNotAcknowledged"/>, so the firmware's bus scan finds exactly the chips present.
    /// </summary>
    /// <remarks>
    /// A chip holding the bus (<see cref="ChipFault.BusHang"/>) does not hang the transaction forever as it does on
    /// Linux: the ESP32 driver gives up after its timeout (i2c_master_cmd_begin with 1000 ms in the nanoFramework
    /// target) and reports <see cref="I2cStatus.ClockStretchTimeout"/>, blocking the caller as long.
    /// Safe to use from several connections at once (the chips are).
    /// </remarks>
    public sealed class BoardChips
    {
        /// <summary>How long the ESP32's I2C driver waits for a held bus.</summary>
        public static readonly TimeSpan Esp32DriverTimeout = TimeSpan.FromMilliseconds(1000);

        private readonly VirtualI2cBus _bus = new VirtualI2cBus();
        private readonly Dictionary<int, I2cDevice> _byAddress = new Dictionary<int, I2cDevice>();
        private readonly Dictionary<string, I2cDevice> _byName = new Dictionary<string, I2cDevice>(StringComparer.OrdinalIgnoreCase);

        /// <param name="busId">The bus the chips sit on (the board profile's, nanoFramework numbering: 1 is I2C1).</param>
        /// <param name="chips">Names from <see cref="VirtualChips"/> (the sensor ids), each once, one per address; throws <see cref="ArgumentException"/> saying what is wrong.</param>
        /// <param name="seed">Seed of the weather the chips measure (each chip adds its index, as in the simulator).</param>
        public BoardChips(int busId, IEnumerable<string> chips, int seed)
        {
            BusId = busId;
            List<string> names = chips.Select(c => c.ToLowerInvariant()).ToList();
            string wrong = VirtualChips.Check(names);
            if (wrong != null)
            {
                throw new ArgumentException(wrong);
            }

            foreach (string name in names)
            {
                I2cDevice chip = VirtualChips.Named(name).Make(new DriftingAmbient(seed + _byName.Count), busId);
                int address = chip.ConnectionSettings.DeviceAddress;
                _bus.Attach(chip);
                _byAddress.Add(address, chip);
                _byName.Add(name, chip);
            }
        }

        public int BusId { get; }

        /// <summary>"bme280 at 0x76", one per chip, in the order given.</summary>
        public IEnumerable<string> Describe()
        {
            return _byName.Select(c => c.Key + " at 0x" + c.Value.ConnectionSettings.DeviceAddress.ToString("x2"));
        }

        /// <summary>
        /// The chip called <paramref name="name"/>, its name being the sensor id the node publishes it under ("sht3x", as
        /// the simulator's console takes it); null if there is none.
        /// </summary>
        public IFaultableChip Chip(string name)
        {
            return _byName.TryGetValue(name, out I2cDevice chip) ? (IFaultableChip)chip : null;
        }

        /// <summary>
        /// One transaction as the ESP32 sends it: <paramref name="write"/> (may be empty), then with a repeated start
        /// <paramref name="readLength"/> bytes read (may be 0).
        /// </summary>
        /// <remarks>
        /// With nothing to write or read the ESP32 target queues no address byte at all (only a stop), so the transfer
        /// succeeds whoever is on the bus: it is no probe for a chip, here as there.
        /// </remarks>
        public I2cReply Transfer(int busId, int address, byte[] write, int readLength)
        {
            if (write.Length == 0 && readLength == 0)
            {
                return new I2cReply(I2cStatus.FullTransfer, 0, Array.Empty<byte>());
            }

            if (busId != BusId || !_byAddress.TryGetValue(address, out I2cDevice chip))
            {
                return I2cReply.NotAcknowledged;
            }

            if (((IFaultableChip)chip).Fault == ChipFault.BusHang)
            {
                Thread.Sleep(Esp32DriverTimeout);
                return I2cReply.Timeout;
            }

            byte[] read = new byte[readLength];
            bool acknowledged;
            if (readLength > 0 && write.Length > 0)
            {
                acknowledged = _bus.WriteRead(address, write, read, out _);
            }
            else if (readLength > 0)
            {
                acknowledged = _bus.Read(address, read, out _);
            }
            else
            {
                acknowledged = _bus.Write(address, write, out _);
            }

            // Every failure of these chips is a NACK (LinuxI2cErrors.NotAcknowledged): the address or a byte unanswered.
            return acknowledged ? new I2cReply(I2cStatus.FullTransfer, write.Length + readLength, read) : I2cReply.NotAcknowledged;
        }
    }
}
