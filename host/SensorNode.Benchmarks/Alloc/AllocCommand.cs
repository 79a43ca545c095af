using System;
using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// "alloc": allocations per telemetry cycle. First the exact per-thread counter over many cycles (seconds),
    /// then BenchmarkDotNet with the memory diagnoser (minutes; extra arguments go to BenchmarkDotNet).
    /// </summary>
    public static class AllocCommand
    {
        private const int WarmUpCalls = 1_000;
        private const int MeasuredCalls = 10_000;

        public static Command Create()
        {
            Argument<string[]> benchmarkDotNetArgs = new Argument<string[]>("BenchmarkDotNet arguments")
            {
                Description = "passed to BenchmarkDotNet as they are, e.g. --job short",
                Arity = ArgumentArity.ZeroOrMore,
                CaptureRemainingTokens = true,
            };
            Command command = new Command("alloc", "allocations per telemetry cycle of the portable core: an exact counter, then BenchmarkDotNet")
            {
                benchmarkDotNetArgs,
            };
            command.SetAction(parsed => Run(parsed.GetValue(benchmarkDotNetArgs)));
            return command;
        }

        public static int Run(string[] benchmarkDotNetArgs)
        {
            Console.WriteLine($"== exact: GC.GetAllocatedBytesForCurrentThread() over {MeasuredCalls:N0} calls after {WarmUpCalls:N0} warm-up calls");
            bool zero = MeasureExactly();

            Console.WriteLine();
            Console.WriteLine("== BenchmarkDotNet [MemoryDiagnoser]");
            BenchmarkRunner.Run(
                new[] { typeof(TelemetryCycleBenchmark), typeof(FormattingBenchmark) },
                ManualConfig.Create(DefaultConfig.Instance).WithOptions(ConfigOptions.JoinSummary),
                benchmarkDotNetArgs);
            return zero ? 0 : 1;
        }

        private static bool MeasureExactly()
        {
            SteadyStateNode node = new SteadyStateNode();
            long publishesBefore = node.Link.PublishCount;
            double cycle = AllocationMeter.BytesPerCall(node.RunOneCycle, WarmUpCalls, MeasuredCalls);
            double publishesPerCycle = (node.Link.PublishCount - publishesBefore) / (double)(WarmUpCalls + MeasuredCalls);
            if (publishesPerCycle != node.ExpectedPublishesPerCycle)
            {
                // A cycle that published nothing would allocate nothing: the figure would mean nothing.
                throw new InvalidOperationException($"expected {node.ExpectedPublishesPerCycle} publishes per cycle, saw {publishesPerCycle}");
            }

            FormattingWorkload formatting = new FormattingWorkload();
            double readings = AllocationMeter.BytesPerCall(() => formatting.FormatReadings(), WarmUpCalls, MeasuredCalls);
            double snapshot = AllocationMeter.BytesPerCall(() => formatting.FormatSnapshot(), WarmUpCalls, MeasuredCalls);

            Console.WriteLine($"{"telemetry cycle (Node.Poll, 4 publishes)",-45} {cycle,8:0.###} bytes/cycle");
            Console.WriteLine($"{"formatting: 3 reading payloads",-45} {readings,8:0.###} bytes/cycle");
            Console.WriteLine($"{"formatting: snapshot-shaped JSON",-45} {snapshot,8:0.###} bytes/cycle");
            return cycle == 0 && readings == 0 && snapshot == 0;
        }
    }
}
