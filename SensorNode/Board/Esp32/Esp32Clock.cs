using System;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Uptime from the CLR's monotonic tick (System.Environment.TickCount64 lives in nanoFramework.Runtime.Native);
    /// wall-clock time from DateTime.UtcNow once SNTP has set it after the network came up.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        /// <summary>Before SNTP the RTC counts from an epoch long past; anything earlier than this is not real time.</summary>
        private const int FirstPlausibleYear = 2024;

        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = DateTime.UtcNow;
            return utcNow.Year >= FirstPlausibleYear;
        }
    }
}
