using System;
using System.Collections.Generic;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// How many messages went out on each topic. Counting allocates nothing once a topic has been seen (the core
    /// builds its topics once, so the same string comes back and is found by reference first), so it can sit inside
    /// an allocation figure; only a topic seen for the first time grows the table.
    /// </summary>
    public sealed class TopicTally
    {
        private string[] _topics = new string[8];
        private long[] _counts = new long[8];
        private int _used;

        public void Add(string topic)
        {
            for (int i = 0; i < _used; i++)
            {
                if (ReferenceEquals(_topics[i], topic) || _topics[i] == topic)
                {
                    _counts[i]++;
                    return;
                }
            }

            AddFirst(topic);
        }

        /// <summary>A copy of the counts so far, by topic.</summary>
        public Dictionary<string, long> Snapshot()
        {
            Dictionary<string, long> counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (int i = 0; i < _used; i++)
            {
                counts[_topics[i]] = _counts[i];
            }

            return counts;
        }

        private void AddFirst(string topic)
        {
            if (_used == _topics.Length)
            {
                Array.Resize(ref _topics, _used * 2);
                Array.Resize(ref _counts, _used * 2);
            }

            _topics[_used] = topic;
            _counts[_used] = 1;
            _used++;
        }
    }
}
