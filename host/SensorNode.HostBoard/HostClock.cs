using System;
using System.Diagnostics;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>The PC's clocks: a monotonic stopwatch for scheduling, and UTC, which a PC always knows.</summary>
    public sealed class HostClock : IClock
    {
        private readonly Stopwatch _sinceBoot = Stopwatch.StartNew();

        public long UptimeMs => _sinceBoot.ElapsedMilliseconds;

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = DateTime.UtcNow;
            return true;
        }
    }
}
