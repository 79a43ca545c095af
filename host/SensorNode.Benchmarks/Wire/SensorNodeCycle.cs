using SensorNode.Benchmarks.Fakes;
using SensorNode.Core;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// What SensorNode really publishes in one cycle: a node on a <see cref="FakeMqttLink"/> runs for one day at
    /// its default interval (so "seq" and "uptime_ms" have their everyday length), then one more cycle is captured.
    /// </summary>
    public static class SensorNodeCycle
    {
        public const long UptimeBeforeCaptureMs = 24L * 60 * 60 * 1000;

        public static PublishedMessage[] Capture()
        {
            FakeMqttLink link = new FakeMqttLink();
            FakeClock clock = BenchNode.Clock();
            Node node = BenchNode.Start(BenchNode.DefaultConfig(), link, clock, new SilentLog(), new FakeOutput(), new FakeOutput());
            long intervalMs = node.Config.PublishIntervalSeconds * 1000L;

            node.Poll(); // the first cycle (BenchNode.Start connected: status, config, actuator states)
            while (clock.Now < UptimeBeforeCaptureMs)
            {
                clock.Now += intervalMs;
                node.Poll();
            }

            link.ClearRecorded();
            clock.Now += intervalMs;
            node.Poll();
            return PublishedMessage.All(link);
        }
    }
}
