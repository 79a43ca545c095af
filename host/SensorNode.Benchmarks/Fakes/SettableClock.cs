using System;
using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>A clock the benchmark moves by hand, with wall-clock time known (as after SNTP on the device).</summary>
    public sealed class SettableClock : IClock
    {
        private static readonly DateTime Boot = new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

        public long NowMs { get; set; }

        public long UptimeMs => NowMs;

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Boot.AddTicks(NowMs * TimeSpan.TicksPerMillisecond);
            return true;
        }
    }
}
