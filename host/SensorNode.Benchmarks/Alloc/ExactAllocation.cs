namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>Bytes allocated per call of the three workloads of the "alloc" figure, by the exact per-thread counter.</summary>
    public sealed record ExactAllocationFigures(double TelemetryCycle, double ReadingPayloads, double SnapshotPayload)
    {
        public bool AllZero => TelemetryCycle == 0 && ReadingPayloads == 0 && SnapshotPayload == 0;
    }

    /// <summary>
    /// The "alloc" command's exact figures: <see cref="AllocationMeter"/> over a <see cref="SteadyStateNode"/>'s
    /// cycles, checked to be the telemetry cycle (<see cref="TelemetryCycleCheck"/>), and over the formatting alone.
    /// </summary>
    public static class ExactAllocation
    {
        public static ExactAllocationFigures Measure(int warmUpCalls, int measuredCalls)
        {
            double cycle = TelemetryCycle(new SteadyStateNode(), warmUpCalls, measuredCalls);
            FormattingWorkload formatting = new FormattingWorkload();
            double readings = AllocationMeter.BytesPerCall(() => formatting.FormatReadings(), warmUpCalls, measuredCalls);
            double snapshot = AllocationMeter.BytesPerCall(() => formatting.FormatSnapshot(), warmUpCalls, measuredCalls);
            return new ExactAllocationFigures(cycle, readings, snapshot);
        }

        /// <summary>Bytes per <see cref="SteadyStateNode.RunOneCycle"/>; throws <see cref="System.InvalidOperationException"/> when a cycle was not the telemetry cycle.</summary>
        public static double TelemetryCycle(SteadyStateNode node, int warmUpCalls, int measuredCalls)
        {
            TelemetryCycleCheck check = new TelemetryCycleCheck(node);
            double bytes = AllocationMeter.BytesPerCall(node.RunOneCycle, warmUpCalls, measuredCalls);
            check.Verify();
            return bytes;
        }
    }
}
