using System;
using SensorNode.Benchmarks.Fakes;
using SensorNode.Core;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// A node online through a <see cref="ByteCountingLink"/>, past its first cycles, so that one
    /// <see cref="RunOneCycle"/> is exactly what the device does every publish interval.
    /// </summary>
    public sealed class SteadyStateNode
    {
        private const int WarmUpCycles = 100;
        private readonly SettableClock _clock = new SettableClock();
        private readonly Node _node;
        private readonly long _intervalMs;

        public SteadyStateNode()
        {
            _node = BenchNode.Start(BenchNode.DefaultConfig(), Link, _clock, new SilentLog(), new NullOutput(), new NullOutput());
            _intervalMs = _node.Config.PublishIntervalSeconds * 1000L;
            _node.Poll(); // the first cycle (BenchNode.Start connected and published the retained states)
            if (!_node.IsOnline)
            {
                throw new InvalidOperationException("the node did not come online on the counting link");
            }

            for (int i = 0; i < WarmUpCycles; i++)
            {
                RunOneCycle();
            }
        }

        public ByteCountingLink Link { get; } = new ByteCountingLink();

        /// <summary>Publishes of one cycle: one per quantity plus the state snapshot.</summary>
        public int ExpectedPublishesPerCycle => 3 + 1;

        /// <summary>The main loop's step when the publish interval is due: read, format, publish.</summary>
        public void RunOneCycle()
        {
            _clock.NowMs += _intervalMs;
            _node.Poll();
        }
    }
}
