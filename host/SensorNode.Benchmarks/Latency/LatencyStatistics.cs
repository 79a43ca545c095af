using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>Summary of latency samples (Stopwatch ticks) in milliseconds; percentiles by nearest rank.</summary>
    public sealed class LatencyStatistics
    {
        private readonly double[] _sortedMs;

        public LatencyStatistics(IReadOnlyCollection<long> samplesTicks)
        {
            if (samplesTicks.Count == 0)
            {
                throw new ArgumentException("no samples");
            }

            _sortedMs = samplesTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).OrderBy(ms => ms).ToArray();
        }

        public int Count => _sortedMs.Length;

        public double MinMs => _sortedMs[0];

        public double MedianMs => PercentileMs(50);

        public double P99Ms => PercentileMs(99);

        public double MaxMs => _sortedMs[^1];

        public double MeanMs => _sortedMs.Average();

        /// <summary>The smallest sample with at least <paramref name="percent"/> % of all samples at or below it.</summary>
        public double PercentileMs(double percent)
        {
            int rank = (int)Math.Ceiling(percent / 100.0 * _sortedMs.Length);
            return _sortedMs[Math.Clamp(rank, 1, _sortedMs.Length) - 1];
        }
    }
}
