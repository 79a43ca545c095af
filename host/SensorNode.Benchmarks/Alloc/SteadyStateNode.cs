using System;
using SensorNode.Benchmarks.Fakes;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// A node online through a <see cref="ByteCountingLink"/>, past its first cycles, so that one
    /// <see cref="RunOneCycle"/> is exactly what the device does every publish interval.
    /// </summary>
    public sealed class SteadyStateNode
    {
        private const int WarmUpCycles = 100;
        private readonly FakeClock _clock = BenchNode.Clock();
        private readonly Node _node;
        private readonly long _intervalMs;

        /// <summary>The per-cycle figures' node, set up so that every cycle is the telemetry cycle and nothing else (<see cref="TelemetryOnlyConfig"/>).</summary>
        public SteadyStateNode()
            : this(TelemetryOnlyConfig())
        {
        }

        public SteadyStateNode(NodeConfig config)
        {
            _node = BenchNode.Start(config, Link, _clock, new SilentLog(), new FakeOutput(), new FakeOutput());
            _intervalMs = _node.Config.PublishIntervalSeconds * 1000L;
            _node.Poll(); // the first cycle (BenchNode.Start connected and published the retained states)
            if (!_node.IsOnline)
            {
                throw new InvalidOperationException("the node did not come online on the counting link");
            }

            TelemetryTopics = new[]
            {
                _node.Topics.SensorReading(BenchNode.SensorId, Quantity.Temperature.Name),
                _node.Topics.SensorReading(BenchNode.SensorId, Quantity.Humidity.Name),
                _node.Topics.SensorReading(BenchNode.SensorId, Quantity.Pressure.Name),
                _node.Topics.State,
            };
            for (int i = 0; i < WarmUpCycles; i++)
            {
                RunOneCycle();
            }
        }

        public ByteCountingLink Link { get; } = new ByteCountingLink();

        /// <summary>What one cycle publishes, each once: one reading per quantity, then the state snapshot.</summary>
        public string[] TelemetryTopics { get; }

        /// <summary>Publishes of one cycle: one per quantity plus the state snapshot.</summary>
        public int ExpectedPublishesPerCycle => TelemetryTopics.Length;

        /// <summary>
        /// Every reading and the snapshot each cycle (<see cref="BenchNode.DefaultConfig"/>), without the node's two
        /// other periodic messages, so that a cycle is the telemetry cycle the figure names:
        /// <list type="bullet">
        /// <item>keep-alive 15 s, below the 30 s publish interval: the client pings in every gap between cycles, so the
        /// node never sends its busy-link probe. At the default 60 s a node that publishes every 30 s is never pinged
        /// and probes on "{base}/probe" every third cycle, as it should (architecture.md, "Dead connections");</item>
        /// <item>diag_interval_s int.MaxValue (68 years, 71 million cycles): the diag report is a cold path that asks the
        /// board for its health (the host's reads its network interfaces, some 70 KB), every 300 s by default. This is
        /// beyond what the config topic accepts (a day at most) on purpose: a day is 2,880 cycles here, and
        /// BenchmarkDotNet's default job ran 26 million; should a run ever reach a report, its check refuses the figure
        /// (<see cref="TelemetryCycleBenchmark.Cleanup"/>).</item>
        /// </list>
        /// </summary>
        public static NodeConfig TelemetryOnlyConfig()
        {
            NodeConfig config = BenchNode.DefaultConfig();
            config.KeepAliveSeconds = config.PublishIntervalSeconds / 2;
            config.DiagIntervalSeconds = int.MaxValue;
            return config;
        }

        /// <summary>Calls of <see cref="RunOneCycle"/>, the warm-up's included.</summary>
        public long Cycles { get; private set; }

        /// <summary>The main loop's step when the publish interval is due: read, format, publish.</summary>
        public void RunOneCycle()
        {
            Cycles++;
            _clock.Now += _intervalMs;
            _node.Poll();
        }
    }
}
