using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// When each of mosquitto's "New client connected" lines for a fleet reached this process, to the millisecond.
    /// The lines are the broker's (the source of truth for what connected); their arrival time only replaces its
    /// whole-second timestamps, which cut a one-second burst in two when it straddles a second and so understate
    /// the peak. mosquitto writes its log unbuffered to stderr; on a loopback pipe it arrives within milliseconds.
    /// </summary>
    public sealed class ConnectArrivals
    {
        private static readonly Regex Connected = new Regex(@": New client connected from \S+ as (\S+) \(", RegexOptions.CultureInvariant);
        private readonly string _clientPrefix;
        private readonly List<long> _timestamps = new List<long>();

        public ConnectArrivals(string clientPrefix)
        {
            _clientPrefix = clientPrefix;
        }

        /// <summary>For <c>MosquittoBroker.Start(onLogLine: …)</c>.</summary>
        public void OnLogLine(string line)
        {
            long now = Stopwatch.GetTimestamp();
            Match m = Connected.Match(line);
            if (m.Success && m.Groups[1].Value.StartsWith(_clientPrefix, StringComparison.Ordinal))
            {
                lock (_timestamps)
                {
                    _timestamps.Add(now);
                }
            }
        }

        /// <summary>The most CONNECTs in any window of <paramref name="window"/> (sliding, not aligned to seconds).</summary>
        public int PeakIn(TimeSpan window)
        {
            long[] times;
            lock (_timestamps)
            {
                times = _timestamps.ToArray();
            }

            Array.Sort(times);
            long width = (long)(window.TotalSeconds * Stopwatch.Frequency);
            int peak = 0;
            int first = 0;
            for (int last = 0; last < times.Length; last++)
            {
                while (times[last] - times[first] >= width)
                {
                    first++;
                }

                peak = Math.Max(peak, last - first + 1);
            }

            return peak;
        }
    }
}
