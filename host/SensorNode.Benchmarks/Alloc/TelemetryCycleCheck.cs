using System;
using System.Collections.Generic;
using System.Linq;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// Whether a <see cref="SteadyStateNode"/>'s cycles since this check was made were the telemetry cycle the
    /// allocation figures name: each of <see cref="SteadyStateNode.TelemetryTopics"/> published once per cycle and
    /// nothing else. A cycle that published nothing would allocate nothing, and one that also published something
    /// else (a probe, a diag report) would be another figure.
    /// </summary>
    public sealed class TelemetryCycleCheck
    {
        private readonly SteadyStateNode _node;
        private readonly Dictionary<string, long> _publishedBefore;
        private readonly long _cyclesBefore;

        public TelemetryCycleCheck(SteadyStateNode node)
        {
            _node = node;
            _publishedBefore = node.Link.PublishesByTopic.Snapshot();
            _cyclesBefore = node.Cycles;
        }

        /// <summary>Throws <see cref="InvalidOperationException"/>, naming what each topic published per cycle, unless every cycle since was the telemetry cycle.</summary>
        public void Verify()
        {
            long cycles = _node.Cycles - _cyclesBefore;
            Dictionary<string, long> published = _node.Link.PublishesByTopic.Snapshot()
                .Select(topic => (topic.Key, Count: topic.Value - _publishedBefore.GetValueOrDefault(topic.Key)))
                .Where(topic => topic.Count > 0)
                .ToDictionary(topic => topic.Key, topic => topic.Count, StringComparer.Ordinal);
            bool telemetryOnly = cycles > 0
                && published.Count == _node.TelemetryTopics.Length
                && _node.TelemetryTopics.All(topic => published.GetValueOrDefault(topic) == cycles);
            if (!telemetryOnly)
            {
                throw new InvalidOperationException(
                    $"expected {_node.ExpectedPublishesPerCycle} publishes per cycle, one on each of {string.Join(", ", _node.TelemetryTopics)}; "
                    + $"saw {published.Values.Sum() / (double)Math.Max(cycles, 1):0.###} in {cycles:N0} cycles: {PerCycle(published, cycles)}");
            }
        }

        private static string PerCycle(Dictionary<string, long> published, long cycles)
        {
            if (published.Count == 0)
            {
                return "nothing";
            }

            return string.Join(", ", published
                .OrderBy(topic => topic.Key, StringComparer.Ordinal)
                .Select(topic => $"{topic.Key} {topic.Value / (double)cycles:0.###}"));
        }
    }
}
