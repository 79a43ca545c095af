using System;

namespace SensorNode.Core.Board
{
    /// <summary>Monotonic time for scheduling and, once the board has synchronised it, wall-clock time.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes backwards.</summary>
        long UptimeMs { get; }

        /// <summary>False until the board knows the real time (e.g. before SNTP on the ESP32).</summary>
        bool TryGetUtcNow(out DateTime utcNow);
    }
}
