using System;
using SensorNode.Benchmarks;
using SensorNode.Benchmarks.Alloc;
using SensorNode.Core.Config;
using Xunit;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>
    /// The "alloc" command's exact measurement (docs/performance.md, figure 1) with fewer calls: the telemetry cycle
    /// and its formatting allocate nothing, and the measurement refuses cycles that are not the telemetry cycle.
    /// </summary>
    public class ExactAllocationTests
    {
        private const int WarmUpCalls = 200;
        private const int MeasuredCalls = 2_000;

        [Fact]
        public void TheTelemetryCycleAndItsFormattingAllocateNothing()
        {
            ExactAllocationFigures figures = ExactAllocation.Measure(WarmUpCalls, MeasuredCalls);

            Assert.Equal(0, figures.TelemetryCycle);
            Assert.Equal(0, figures.ReadingPayloads);
            Assert.Equal(0, figures.SnapshotPayload);
        }

        [Fact]
        public void EveryMeasuredCyclePublishesEachTelemetryTopicOnce()
        {
            SteadyStateNode node = new SteadyStateNode();
            long before = node.Link.PublishCount;

            ExactAllocation.TelemetryCycle(node, WarmUpCalls, MeasuredCalls);

            Assert.Equal(4, node.ExpectedPublishesPerCycle);
            Assert.Equal(4L * (WarmUpCalls + MeasuredCalls), node.Link.PublishCount - before);
        }

        [Fact]
        public void CyclesThatAlsoProbeAndReportDiagnosticsAreRefusedByTopic()
        {
            // The defaults this figure broke on: keep-alive 60 s against a 30 s interval (probe every third cycle) and
            // diag every 300 s. Legitimate messages, but then a cycle is not the telemetry cycle.
            SteadyStateNode node = new SteadyStateNode(BenchNode.DefaultConfig());

            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(
                () => ExactAllocation.TelemetryCycle(node, WarmUpCalls, MeasuredCalls));

            Assert.Contains("sensornode/a1b2c3/probe 0.333", refused.Message);
            Assert.Contains("sensornode/a1b2c3/diag 0.1", refused.Message);
        }

        [Fact]
        public void IdleCyclesAreRefused()
        {
            // The firmware's defaults (report by exception, no snapshot) over a binding that reads the same weather every
            // time: only the readings' heartbeat every 1200 s (40 cycles) goes out; a cycle that publishes nothing
            // allocates nothing. Keep-alive and diag as in the figure's node, so idleness is all that differs.
            NodeConfig byException = BenchNode.FirmwareDefaults();
            NodeConfig telemetryOnly = SteadyStateNode.TelemetryOnlyConfig();
            byException.KeepAliveSeconds = telemetryOnly.KeepAliveSeconds;
            byException.DiagIntervalSeconds = telemetryOnly.DiagIntervalSeconds;
            SteadyStateNode node = new SteadyStateNode(byException);

            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(
                () => ExactAllocation.TelemetryCycle(node, WarmUpCalls, MeasuredCalls));

            Assert.Contains("expected 4 publishes per cycle", refused.Message);
            Assert.Contains("saw 0.075 in 2,200 cycles", refused.Message);
        }
    }
}
