using BenchmarkDotNet.Attributes;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>One full telemetry cycle of the portable core in steady state, with BenchmarkDotNet's memory diagnoser.</summary>
    [MemoryDiagnoser]
    public class TelemetryCycleBenchmark
    {
        private SteadyStateNode _node;
        private TelemetryCycleCheck _check;

        [GlobalSetup]
        public void Setup()
        {
            _node = new SteadyStateNode();
            _check = new TelemetryCycleCheck(_node);
        }

        /// <summary>Every invocation was the telemetry cycle (fails the benchmark otherwise, as the exact count does).</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            _check.Verify();
        }

        [Benchmark(Description = "Node.Poll: one telemetry cycle (3 readings + state)")]
        public void TelemetryCycle()
        {
            _node.RunOneCycle();
        }
    }

    /// <summary>The formatting alone (PayloadBuilder), with BenchmarkDotNet's memory diagnoser.</summary>
    [MemoryDiagnoser]
    public class FormattingBenchmark
    {
        private FormattingWorkload _workload;

        [GlobalSetup]
        public void Setup()
        {
            _workload = new FormattingWorkload();
        }

        [Benchmark(Description = "PayloadBuilder: 3 reading payloads")]
        public int Readings() => _workload.FormatReadings();

        [Benchmark(Description = "PayloadBuilder: snapshot-shaped JSON")]
        public int Snapshot() => _workload.FormatSnapshot();
    }
}
