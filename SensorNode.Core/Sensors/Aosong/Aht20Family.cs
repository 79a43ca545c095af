using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;
using SensorNode.Core.Sensors.Sensirion;

namespace SensorNode.Core.Sensors.Aosong
{
    /// <summary>
    /// Aosong AHT20 at 0x38: temperature and humidity (AHT20 datasheet: commands, status bits, the 7-byte answer).
    /// The family's constants and its answer's layout live here once: its driver (<see cref="Driver"/>, below) decodes
    /// with <see cref="Temperature"/>/<see cref="Humidity"/>, the simulator's virtual chip encodes with
    /// <see cref="Encode"/>, and the unit tests check both against vectors worked out from the datasheet's formulas.
    /// </summary>
    /// <remarks>
    /// The answer: a status byte (bit 7 busy, bit 3 calibrated), 20 bits of humidity, 20 bits of temperature, and a
    /// CRC-8 (polynomial 0x31, init 0xFF, as Sensirion's) over the first six bytes. RH = raw / 2^20 · 100 %,
    /// T = raw / 2^20 · 200 − 50 °C.
    /// </remarks>
    public sealed class Aht20Family : IChipFamily
    {
        public const int Address = 0x38;

        /// <summary>Asks for the status byte, which the next read returns.</summary>
        public const byte GetStatus = 0x71;

        /// <summary>Trigger measurement: 0xAC 0x33 0x00; the result is ready about 80 ms later.</summary>
        public const byte TriggerMeasurement = 0xAC;

        /// <summary>Initialise (calibrate): 0xBE 0x08 0x00, when the status byte's calibrated bit is clear; 10 ms.</summary>
        public const byte Initialize = 0xBE;

        /// <summary>Soft reset: the chip restarts within 20 ms.</summary>
        public const byte SoftReset = 0xBA;

        public const int StatusBusy = 0x80;
        public const int StatusCalibrated = 0x08;

        public const int MeasurementMs = 80;
        public const int InitializeMs = 10;
        public const int SoftResetMs = 20;

        /// <summary>How often the driver looks again while the status byte says busy.</summary>
        public const int BusyPollMs = 10;

        /// <summary>Three conversion times: the chip's conversions have hung.</summary>
        public const int GiveUpMs = 3 * MeasurementMs;

        /// <summary>Status, five bytes of data, CRC.</summary>
        public const int AnswerLength = 7;

        private const double FullScale = 1048576.0; // 2^20

        // AHT20 datasheet, section 1: -40..85 °C, 0..100 %RH.
        public static readonly ChipModel Aht20 = new ChipModel("aht20", new QuantityRange[]
        {
            new QuantityRange(Quantity.Temperature, -40, 85),
            new QuantityRange(Quantity.Humidity, 0, 100),
        });

        private static readonly int[] BusAddresses = { Address };
        private static readonly ChipModel[] FamilyModels = { Aht20 };

        public int[] Addresses
        {
            get { return BusAddresses; }
        }

        public ChipModel[] Models
        {
            get { return FamilyModels; }
        }

        /// <summary>The command bytes, fresh (callers keep their own copy).</summary>
        public static byte[] TriggerCommand()
        {
            return new byte[] { TriggerMeasurement, 0x33, 0x00 };
        }

        public static byte[] InitializeCommand()
        {
            return new byte[] { Initialize, 0x08, 0x00 };
        }

        /// <summary>The 20-bit humidity of an answer: bytes 1, 2 and the high nibble of 3.</summary>
        public static int HumidityRaw(byte[] answer)
        {
            return (answer[1] << 12) | (answer[2] << 4) | (answer[3] >> 4);
        }

        /// <summary>The 20-bit temperature of an answer: the low nibble of byte 3, bytes 4 and 5.</summary>
        public static int TemperatureRaw(byte[] answer)
        {
            return ((answer[3] & 0x0F) << 16) | (answer[4] << 8) | answer[5];
        }

        public static double Humidity(byte[] answer)
        {
            return HumidityRaw(answer) * 100.0 / FullScale;
        }

        public static double Temperature(byte[] answer)
        {
            return TemperatureRaw(answer) * 200.0 / FullScale - 50;
        }

        /// <summary>The CRC the chip sends as byte 6: over the status and the five data bytes.</summary>
        public static byte Crc(byte[] answer)
        {
            return SensirionCrc.Of(answer, 0, 6);
        }

        /// <summary>
        /// An answer as the chip sends it: <paramref name="status"/>, the raw values of <paramref name="celsius"/> and
        /// <paramref name="percent"/> (rounded, within 20 bits), the CRC. For the virtual chip and the unit tests' fake.
        /// </summary>
        public static void Encode(byte status, double celsius, double percent, byte[] answer)
        {
            int humidity = ToRaw(percent / 100.0);
            int temperature = ToRaw((celsius + 50) / 200.0);
            answer[0] = status;
            answer[1] = (byte)(humidity >> 12);
            answer[2] = (byte)(humidity >> 4);
            answer[3] = (byte)(((humidity & 0x0F) << 4) | (temperature >> 16));
            answer[4] = (byte)(temperature >> 8);
            answer[5] = (byte)temperature;
            answer[6] = Crc(answer);
        }

        /// <summary>
        /// An AHT20 answers a status request with a status byte; its calibrated bit is set, or set by the initialise
        /// command (waited for here: the boot's chip search runs before the main loop), and it is not busy.
        /// </summary>
        public ChipModel Identify(II2cBus bus, int address)
        {
            int status = ReadStatus(bus, address);
            if (status >= 0 && (status & StatusBusy) != 0)
            {
                Thread.Sleep(MeasurementMs); // a measurement the previous run triggered just before the reset
                status = ReadStatus(bus, address);
            }

            if (status >= 0 && (status & StatusCalibrated) == 0)
            {
                string error;
                if (!bus.Write(address, InitializeCommand(), out error))
                {
                    return null;
                }

                Thread.Sleep(InitializeMs);
                status = ReadStatus(bus, address);
            }

            return status >= 0 && (status & (StatusBusy | StatusCalibrated)) == StatusCalibrated ? Aht20 : null;
        }

        public ISensorDriver Open(ChipModel model, int address, II2cBus bus, IClock clock, IChipBindings bindings)
        {
            return new Driver(bus, address, clock);
        }

        /// <summary>The status byte, or -1 when the address or a byte was not acknowledged.</summary>
        private static int ReadStatus(II2cBus bus, int address)
        {
            byte[] status = new byte[1];
            string error;
            return bus.Write(address, new byte[] { GetStatus }, out error) && bus.Read(address, status, out error) ? status[0] : -1;
        }

        private static int ToRaw(double fraction)
        {
            double raw = fraction * FullScale + 0.5;
            return raw < 0 ? 0 : raw > FullScale - 1 ? (int)(FullScale - 1) : (int)raw;
        }

        /// <summary>
        /// The core's AHT20 driver, two-phase from the start: a read sends the trigger (0xAC 0x33 0x00) and returns
        /// <see cref="ReadOutcome.Pending"/>; the read 80 ms later collects the 7-byte answer, and while its status byte
        /// still says busy, looks again every <see cref="BusyPollMs"/>. The answer's CRC is checked and decoded by
        /// the family's layout above. A chip that stays busy past <see cref="GiveUpMs"/> is reset (0xBA) before the next
        /// trigger; one that reports itself uncalibrated is initialised (0xBE 0x08 0x00) first. Nothing here waits.
        /// </summary>
        public sealed class Driver : TwoPhaseDriver
        {
            private const int Idle = 0;
            private const int Settling = 1;
            private const int Measuring = 2;

            private readonly byte[] _trigger = TriggerCommand();
            private readonly byte[] _initialize = InitializeCommand();
            private readonly byte[] _reset = { SoftReset };
            private readonly byte[] _answer = new byte[AnswerLength];
            private int _phase;
            private long _dueMs;
            private long _triggeredAtMs;
            private bool _resetFirst;
            private bool _initializeFirst;

            public Driver(II2cBus bus, int address, IClock clock)
                : base(bus, address, clock)
            {
            }

            [SteadyState]
            public override ReadOutcome Measure(double[] values)
            {
                long now = Clock.UptimeMs;
                if (_phase != Idle && now < _dueMs)
                {
                    MsUntilReady = (int)(_dueMs - now);
                    return ReadOutcome.Pending;
                }

                if (_phase == Measuring)
                {
                    return Collect(values, now);
                }

                if (_resetFirst)
                {
                    _resetFirst = false;
                    return Send(_reset, Settling, SoftResetMs, now);
                }

                if (_initializeFirst)
                {
                    _initializeFirst = false;
                    return Send(_initialize, Settling, InitializeMs, now);
                }

                _triggeredAtMs = now;
                return Send(_trigger, Measuring, MeasurementMs, now);
            }

            private ReadOutcome Collect(double[] values, long now)
            {
                string error;
                if (!Bus.Read(Address, _answer, out error))
                {
                    return Failed(error);
                }

                if ((_answer[0] & StatusBusy) != 0)
                {
                    if (now - _triggeredAtMs >= GiveUpMs)
                    {
                        return FailedBusy();
                    }

                    _dueMs = now + BusyPollMs;
                    MsUntilReady = BusyPollMs;
                    return ReadOutcome.Pending;
                }

                _phase = Idle;
                if (Crc(_answer) != _answer[6])
                {
                    return Failed("CRC mismatch in the chip's answer");
                }

                if ((_answer[0] & StatusCalibrated) == 0)
                {
                    return FailedUncalibrated();
                }

                values[0] = Temperature(_answer);
                values[1] = Humidity(_answer);
                return ReadOutcome.Measured;
            }

            /// <summary>Sends a command; the next step is due <paramref name="ms"/> later.</summary>
            private ReadOutcome Send(byte[] command, int phase, int ms, long now)
            {
                string error;
                if (!Bus.Write(Address, command, out error))
                {
                    return Failed(error);
                }

                _phase = phase;
                _dueMs = now + ms;
                MsUntilReady = ms;
                return ReadOutcome.Pending;
            }

            [ColdPath("the bus or the chip failed")]
            private ReadOutcome Failed(string error)
            {
                Error = error;
                _phase = Idle;
                return ReadOutcome.Failed;
            }

            [ColdPath("the chip's conversion hung")]
            private ReadOutcome FailedBusy()
            {
                _resetFirst = true;
                return Failed("still busy " + GiveUpMs + " ms after the trigger; resetting the chip");
            }

            [ColdPath("the chip lost its calibration")]
            private ReadOutcome FailedUncalibrated()
            {
                _initializeFirst = true;
                return Failed("the chip reports itself uncalibrated (status 0x" + _answer[0].ToString("x2") + "); initialising it");
            }
        }
    }
}
