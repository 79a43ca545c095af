using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// An SCD4x at the command level (datasheet section 3): idle until start_periodic_measurement, then a new
    /// measurement every 5 s; get_data_ready_status, read_measurement (which clears it), stop, get_serial_number
    /// (idle only). Stuck: no measurement ever becomes ready again.
    /// </summary>
    public sealed class FakeScd4xChip : FakeI2cChip
    {
        public int Co2 = 650;
        public double Temperature = 22.5;
        public double Humidity = 45.0;
        public bool Stuck;
        public bool CorruptCrc;
        public int StartCount;
        private readonly IClock _clock;
        private bool _periodic;
        private long _startedAtMs;
        private long _lastReadAtMs;
        private int _command;

        public FakeScd4xChip(IClock clock)
        {
            _clock = clock;
        }

        public bool Periodic
        {
            get { return _periodic; }
        }

        /// <summary>Power dropped and came back: the chip is idle, as after power-up.</summary>
        public void LosePower()
        {
            _periodic = false;
        }

        public override void OnWrite(byte[] data)
        {
            _command = (data[0] << 8) | data[1];
            if (_command == 0x21B1 && !_periodic)
            {
                _periodic = true;
                StartCount++;
                _startedAtMs = _clock.UptimeMs;
                _lastReadAtMs = -1;
            }
            else if (_command == 0x3F86)
            {
                _periodic = false;
            }
        }

        public override void OnRead(byte[] into)
        {
            if (_command == 0xE4B8)
            {
                SensirionWords.Put(into, 0, Ready() ? 0x8006 : 0x8000);
            }
            else if (_command == 0xEC05)
            {
                SensirionWords.Put(into, 0, Co2);
                SensirionWords.Put(into, 1, (int)((Temperature + 45) * 65536 / 175));
                SensirionWords.Put(into, 2, (int)(Humidity * 65536 / 100));
                _lastReadAtMs = _clock.UptimeMs;
            }
            else if (_command == 0x3682 && !_periodic)
            {
                SensirionWords.Put(into, 0, 0xBEEF);
                SensirionWords.Put(into, 1, 0x1234);
                SensirionWords.Put(into, 2, 0x5678);
            }

            if (CorruptCrc)
            {
                into[into.Length - 1] ^= 0x01;
            }
        }

        /// <summary>A measurement is waiting when a 5 s period has ended since the start or the last read.</summary>
        private bool Ready()
        {
            if (!_periodic || Stuck)
            {
                return false;
            }

            long now = _clock.UptimeMs;
            long periodsNow = (now - _startedAtMs) / 5000;
            long periodsAtRead = _lastReadAtMs < 0 ? 0 : (_lastReadAtMs - _startedAtMs) / 5000;
            return periodsNow > periodsAtRead;
        }
    }
}
