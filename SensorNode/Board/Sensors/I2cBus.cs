using System;
using System.Collections;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using SensorNode.Board.Profiles;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// The ESP32's I2C bus as the board profile wires it: routes the pins, scans the bus at boot (the log shows what
    /// answered, the first thing to check when a sensor is missing) and finds the Bosch chips by their id register.
    /// </summary>
    public sealed class I2cBus
    {
        private const int FirstAddress = 0x08;
        private const int LastAddress = 0x77;
        private readonly BoardProfile _board;
        private readonly ILog _log;

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

        /// <summary>One sensor per Bosch chip found at the profile's addresses, driven by its Bmxx80 class.</summary>
        public ISensor[] DetectBoschSensors()
        {
            ArrayList kinds = new ArrayList();
            ArrayList addresses = new ArrayList();
            foreach (int address in _board.SensorAddresses)
            {
                I2cDevice device = Open(address);
                BoschChipKind kind = BoschChip.Identify(BoschProbe.ReadChipId(device));
                device.Dispose();
                if (kind == BoschChipKind.Unknown)
                {
                    _log.Info("no Bosch sensor at 0x" + address.ToString("x2"));
                    continue;
                }

                kinds.Add(kind);
                addresses.Add(address);
            }

            ArrayList sensors = new ArrayList();
            for (int i = 0; i < kinds.Count; i++)
            {
                BoschChipKind kind = (BoschChipKind)kinds[i];
                int address = (int)addresses[i];
                string id = BoschChip.SensorId(kind, address, CountOf(kinds, kind) > 1);
                try
                {
                    sensors.Add(new BoschSensor(id, kind, BoschDriver.Create(kind, Open(address))));
                    _log.Info("sensor " + id + " at 0x" + address.ToString("x2"));
                }
                catch (Exception ex)
                {
                    // The binding reads the chip id and calibration in its constructor; a chip that stops answering
                    // between the scan and here must not stop the boot.
                    _log.Error("sensor " + id + " at 0x" + address.ToString("x2") + " could not be set up: " + ex.Message);
                }
            }

            ISensor[] result = new ISensor[sensors.Count];
            sensors.CopyTo(result, 0);
            return result;
        }

        private static int CountOf(ArrayList kinds, BoschChipKind kind)
        {
            int count = 0;
            foreach (BoschChipKind each in kinds)
            {
                if (each == kind)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
