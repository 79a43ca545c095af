using System;
using SensorNode.Core.Board;

namespace SensorNode.Core.Diagnostics
{
    /// <summary>
    /// When the node booted, in UTC to the second: what a dashboard shows instead of an uptime, which is stale the
    /// moment it is published. Unknown until the board knows the time (SNTP on the ESP32); kept from then on, so a
    /// report does not move it by the milliseconds between two readings of the clock, and taken anew only when the
    /// wall clock itself was set (it moved by more than <see cref="ToleranceSeconds"/> against the uptime).
    /// </summary>
    public sealed class BootTime
    {
        public const int ToleranceSeconds = 2;

        private readonly IClock _clock;
        private DateTime _boot;
        private bool _known;

        public BootTime(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>True with the boot time when the board knows the time.</summary>
        public bool TryGet(out DateTime boot)
        {
            DateTime now;
            if (_clock.TryGetUtcNow(out now))
            {
                DateTime measured = now.AddTicks(-_clock.UptimeMs * TimeSpan.TicksPerMillisecond);
                measured = measured.AddTicks(-(measured.Ticks % TimeSpan.TicksPerSecond));
                long drift = measured.Ticks - _boot.Ticks;
                if (!_known || drift > ToleranceSeconds * TimeSpan.TicksPerSecond || drift < -ToleranceSeconds * TimeSpan.TicksPerSecond)
                {
                    _boot = measured;
                    _known = true;
                }
            }

            boot = _boot;
            return _known;
        }
    }
}
