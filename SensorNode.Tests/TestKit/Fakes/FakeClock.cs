using System;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class FakeClock : IClock
    {
        public long Now;
        public bool TimeKnown;
        public DateTime Utc = new DateTime(2026, 11, 24, 8, 30, 15);

        public long UptimeMs
        {
            get { return Now; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Utc.AddTicks(Now * TimeSpan.TicksPerMillisecond);
            return TimeKnown;
        }
    }
}
