using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using SensorNode.Board.Profiles;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// The ESP32's I2C bus as the board profile wires it: routes the pins, scans the bus at boot (the log shows what
    /// answered, the first thing to check when a sensor is missing) and gives the core's BoschSensorFinder the chip ids
    /// and drivers it asks for.
    /// </summary>
    public sealed class I2cBus : IBoschBus
    {
        private const int FirstAddress = 0x08;
        private const int LastAddress = 0x77;
        private readonly BoardProfile _board;
        private readonly ILog _log;
        private readonly BoschProbe _probe = new BoschProbe();

        public I2cBus(BoardProfile board, ILog log)
        {
            _board = board;
            _log = log;
            Configuration.SetPinFunction(board.I2cDataGpio, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(board.I2cClockGpio, DeviceFunction.I2C1_CLOCK);
        }

        public I2cDevice Open(int address)
        {
            return I2cDevice.Create(new I2cConnectionSettings(_board.I2cBusId, address, I2cBusSpeed.StandardMode));
        }

        /// <summary>Logs every address that acknowledges a one-byte read.</summary>
        public void LogScan()
        {
            string found = "";
            byte[] one = new byte[1];
            for (int address = FirstAddress; address <= LastAddress; address++)
            {
                I2cDevice device = Open(address);
                if (device.Read(new SpanByte(one)).Status == I2cTransferStatus.FullTransfer)
                {
                    found += " 0x" + address.ToString("x2");
                }

                device.Dispose();
            }

            _log.Info("I2C bus " + _board.I2cBusId + " (SDA GPIO" + _board.I2cDataGpio + ", SCL GPIO" + _board.I2cClockGpio + "):"
                + (found.Length == 0 ? " no device answered" : found));
        }

        /// <summary>The chip-id register at <paramref name="address"/>, read with a checked transfer; 0x00 when nothing answered.</summary>
        public byte ReadChipId(int address)
        {
            I2cDevice device = Open(address);
            byte chipId = _probe.ReadChipId(device);
            device.Dispose();
            return chipId;
        }

        public IBoschDriver OpenDriver(BoschChipKind kind, int address)
        {
            return BoschDriver.Create(kind, Open(address));
        }
    }
}
