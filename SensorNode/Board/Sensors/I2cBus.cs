using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using SensorNode.Board.Profiles;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// The ESP32's I2C bus as the board profile wires it: routes the pins, scans the bus at boot (the log shows what
    /// answered, the first thing to check when a sensor is missing) and gives the core checked transfers. One
    /// I2cDevice per address that answered (or that a binding opened), made once and shared with the chip's binding.
    /// A device whose first transfer goes unanswered is disposed at once: the boot scan tries 112 addresses, and
    /// keeping a device (about 180 bytes of managed heap) for each empty one cost 20 KB of an ESP32's ~110 KB heap.
    /// </summary>
    public sealed class I2cBus : II2cBus
    {
        private const int FirstAddress = 0x08;
        private const int LastAddress = 0x77;
        private readonly BoardProfile _board;
        private readonly ILog _log;
        private readonly I2cDevice[] _devices = new I2cDevice[LastAddress + 1];
        private readonly bool[] _kept = new bool[LastAddress + 1];

        public I2cBus(BoardProfile board, ILog log)
        {
            _board = board;
            _log = log;
            Configuration.SetPinFunction(board.I2cDataGpio, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(board.I2cClockGpio, DeviceFunction.I2C1_CLOCK);
        }

        /// <summary>The device at <paramref name="address"/>, made at first use and kept (a binding holds it).</summary>
        public I2cDevice Open(int address)
        {
            _kept[address] = true;
            return Device(address);
        }

        private I2cDevice Device(int address)
        {
            return _devices[address] ?? Create(address);
        }

        /// <summary>Keeps the device of an address that answered; disposes one that never did.</summary>
        private string Settle(int address, string error)
        {
            if (error == null)
            {
                _kept[address] = true;
            }
            else if (!_kept[address])
            {
                Forget(address);
            }

            return error;
        }

        [ColdPath("an address that has never answered")]
        private void Forget(int address)
        {
            _devices[address].Dispose();
            _devices[address] = null;
        }

        [ColdPath("once per address")]
        private I2cDevice Create(int address)
        {
            _devices[address] = I2cDevice.Create(new I2cConnectionSettings(_board.I2cBusId, address, I2cBusSpeed.StandardMode));
            return _devices[address];
        }

        /// <summary>Logs every address that acknowledges a one-byte read.</summary>
        public void LogScan()
        {
            string found = "";
            byte[] one = new byte[1];
            for (int address = FirstAddress; address <= LastAddress; address++)
            {
                string error;
                if (Read(address, one, out error))
                {
                    found += " 0x" + address.ToString("x2");
                }
            }

            _log.Info("I2C bus " + _board.I2cBusId + " (SDA GPIO" + _board.I2cDataGpio + ", SCL GPIO" + _board.I2cClockGpio + "):"
                + (found.Length == 0 ? " no device answered" : found));
        }

        // The transfer API takes SpanBytes and returns an I2cTransferResult, structs that nanoCLR keeps on its heap:
        // the spans and the result per transfer are the least it allows. The result is read through a parameter,
        // not a local, which would be one more heap object per call (docs/nanoframework.md).
        public bool WriteRead(int address, byte[] write, byte[] read, out string error)
        {
            error = Settle(address, ErrorOf(Device(address).WriteRead(new SpanByte(write), new SpanByte(read))));
            return error == null;
        }

        public bool Write(int address, byte[] write, out string error)
        {
            error = Settle(address, ErrorOf(Device(address).Write(new SpanByte(write))));
            return error == null;
        }

        public bool Read(int address, byte[] read, out string error)
        {
            error = Settle(address, ErrorOf(Device(address).Read(new SpanByte(read))));
            return error == null;
        }

        /// <summary>Null for a full transfer; nanoFramework prints enums as numbers, so the error names the failure.</summary>
        private static string ErrorOf(I2cTransferResult result)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer: return null;
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "address not acknowledged (chip missing or unpowered?)";
                case I2cTransferStatus.PartialTransfer: return "transfer cut short by the chip";
                case I2cTransferStatus.ClockStretchTimeout: return "clock stretched too long (SCL held low?)";
                default: return "transfer failed";
            }
        }
    }
}
