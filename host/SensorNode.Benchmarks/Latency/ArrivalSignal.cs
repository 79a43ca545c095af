using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>
    /// Records when each arrival (an output write, a received message) happened, taken with
    /// <see cref="Stopwatch.GetTimestamp"/> on the arriving thread before anything else is done, and lets the
    /// measuring thread wait for the next one.
    /// </summary>
    public sealed class ArrivalSignal
    {
        private readonly object _sync = new object();
        private readonly List<long> _timestamps = new List<long>();

        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _timestamps.Count;
                }
            }
        }

        public void Mark()
        {
            long now = Stopwatch.GetTimestamp();
            lock (_sync)
            {
                _timestamps.Add(now);
                Monitor.PulseAll(_sync);
            }
        }

        /// <summary>
        /// Waits for arrival number <paramref name="index"/> (0-based) and gives its timestamp; false when it has
        /// not happened within <paramref name="timeoutMs"/>.
        /// </summary>
        public bool WaitFor(int index, int timeoutMs, out long timestamp)
        {
            long deadline = Stopwatch.GetTimestamp() + timeoutMs * Stopwatch.Frequency / 1000;
            lock (_sync)
            {
                while (_timestamps.Count <= index)
                {
                    long remainingMs = (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                    if (remainingMs <= 0)
                    {
                        timestamp = 0;
                        return false;
                    }

                    Monitor.Wait(_sync, (int)remainingMs);
                }

                timestamp = _timestamps[index];
                return true;
            }
        }
    }
}
