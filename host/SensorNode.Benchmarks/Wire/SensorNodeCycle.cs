using System.Collections.Generic;
using SensorNode.Benchmarks.Fakes;
using SensorNode.Core;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// What SensorNode really publishes in one cycle: a node on a <see cref="CapturingLink"/> runs for one day at
    /// its default interval (so "seq" and "uptime_ms" have their everyday length), then one more cycle is captured.
    /// </summary>
    public static class SensorNodeCycle
    {
        public const long UptimeBeforeCaptureMs = 24L * 60 * 60 * 1000;

        public static IReadOnlyList<PublishedMessage> Capture()
        {
            CapturingLink link = new CapturingLink();
            SettableClock clock = new SettableClock();
            Node node = BenchNode.Start(BenchNode.DefaultConfig(), link, clock, new SilentLog(), new NullOutput(), new NullOutput());
            long intervalMs = node.Config.PublishIntervalSeconds * 1000L;

            node.Poll(); // the first cycle (BenchNode.Start connected: status, config, actuator states)
            while (clock.NowMs < UptimeBeforeCaptureMs)
            {
                clock.NowMs += intervalMs;
                node.Poll();
            }

            link.Published.Clear();
            clock.NowMs += intervalMs;
            node.Poll();
            return link.Published.ToArray();
        }
    }
}
