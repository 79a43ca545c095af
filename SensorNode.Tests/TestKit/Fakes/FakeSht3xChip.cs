using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// An SHT3x at the command level: read status (0xF32D) and a single-shot measurement at high repeatability
    /// (0x2400), each answered with words and their CRCs. Given a clock, it does as the chip without clock
    /// stretching: it does not acknowledge its address for the 15 ms a measurement takes.
    /// </summary>
    public sealed class FakeSht3xChip : FakeI2cChip
    {
        public const int MeasurementMs = 15;
        public double Temperature = 24.5;
        public double Humidity = 51.0;
        public bool CorruptCrc;
        public int Measurements;
        private readonly IClock _clock;
        private long _measuringSinceMs = long.MinValue / 2;
        private int _command;

        public FakeSht3xChip()
        {
        }

        public FakeSht3xChip(IClock clock)
        {
            _clock = clock;
        }

        public override bool Busy
        {
            get { return _clock != null && _clock.UptimeMs - _measuringSinceMs < MeasurementMs; }
        }

        public override void OnWrite(byte[] data)
        {
            _command = (data[0] << 8) | data[1];
            if (_command == 0x2400)
            {
                Measurements++;
                _measuringSinceMs = _clock == null ? 0 : _clock.UptimeMs;
            }
        }

        public override void OnRead(byte[] into)
        {
            if (_command == 0xF32D && into.Length == 3)
            {
                SensirionWords.Put(into, 0, 0x8010);
            }
            else if (_command == 0x2400 && into.Length == 6)
            {
                SensirionWords.Put(into, 0, (int)((Temperature + 45) * 65535 / 175 + 0.5));
                SensirionWords.Put(into, 1, (int)(Humidity * 65535 / 100 + 0.5));
            }

            if (CorruptCrc)
            {
                into[2] ^= 0x01;
            }
        }
    }
}
