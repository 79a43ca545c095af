using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Aosong
{
    /// <summary>
    /// The core's AHT20 driver, two-phase from the start: a read sends the trigger (0xAC 0x33 0x00) and returns
    /// <see cref="ReadOutcome.Pending"/>; the read 80 ms later collects the 7-byte answer, and while its status byte
    /// still says busy, looks again every <see cref="BusyPollMs"/>. The answer's CRC is checked and decoded by
    /// <see cref="Aht20Family"/>. A chip that stays busy past <see cref="GiveUpMs"/> is reset (0xBA) before the next
    /// trigger; one that reports itself uncalibrated is initialised (0xBE 0x08 0x00) first. Nothing here waits.
    /// </summary>
    public sealed class Aht20Driver : ISensorDriver
    {
        public const int BusyPollMs = 10;

        /// <summary>Three conversion times: the chip's conversions have hung.</summary>
        public const int GiveUpMs = 3 * Aht20Family.MeasurementMs;

        private const int Idle = 0;
        private const int Settling = 1;
        private const int Measuring = 2;

        private readonly II2cBus _bus;
        private readonly IClock _clock;
        private readonly byte[] _trigger = Aht20Family.TriggerCommand();
        private readonly byte[] _initialize = Aht20Family.InitializeCommand();
        private readonly byte[] _reset = { Aht20Family.SoftReset };
        private readonly byte[] _answer = new byte[Aht20Family.AnswerLength];
        private int _phase;
        private long _dueMs;
        private long _triggeredAtMs;
        private bool _resetFirst;
        private bool _initializeFirst;

        public Aht20Driver(II2cBus bus, int address, IClock clock)
        {
            _bus = bus;
            Address = address;
            _clock = clock;
        }

        public int Address { get; }

        public string Error { get; private set; }

        public int MsUntilReady { get; private set; }

        [SteadyState]
        public ReadOutcome Measure(double[] values)
        {
            long now = _clock.UptimeMs;
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
                return Send(_reset, Settling, Aht20Family.SoftResetMs, now);
            }

            if (_initializeFirst)
            {
                _initializeFirst = false;
                return Send(_initialize, Settling, Aht20Family.InitializeMs, now);
            }

            _triggeredAtMs = now;
            return Send(_trigger, Measuring, Aht20Family.MeasurementMs, now);
        }

        private ReadOutcome Collect(double[] values, long now)
        {
            string error;
            if (!_bus.Read(Address, _answer, out error))
            {
                return Failed(error);
            }

            if ((_answer[0] & Aht20Family.StatusBusy) != 0)
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
            if (Aht20Family.Crc(_answer) != _answer[6])
            {
                return Failed("CRC mismatch in the chip's answer");
            }

            if ((_answer[0] & Aht20Family.StatusCalibrated) == 0)
            {
                return FailedUncalibrated();
            }

            values[0] = Aht20Family.Temperature(_answer);
            values[1] = Aht20Family.Humidity(_answer);
            return ReadOutcome.Measured;
        }

        /// <summary>Sends a command; the next step is due <paramref name="ms"/> later.</summary>
        private ReadOutcome Send(byte[] command, int phase, int ms, long now)
        {
            string error;
            if (!_bus.Write(Address, command, out error))
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
