using System;
using System.CommandLine;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
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
            ExactAllocationFigures figures;
            try
            {
                figures = ExactAllocation.Measure(WarmUpCalls, MeasuredCalls);
            }
            catch (InvalidOperationException notTheTelemetryCycle)
            {
                // The cycle was not the one the figure names: no figure, rather than a wrong one.
                Console.Error.WriteLine("alloc: " + notTheTelemetryCycle.Message);
                return 1;
            }

            Console.WriteLine($"{"telemetry cycle (Node.Poll, 4 publishes)",-45} {figures.TelemetryCycle,8:0.###} bytes/cycle");
            Console.WriteLine($"{"formatting: 3 reading payloads",-45} {figures.ReadingPayloads,8:0.###} bytes/cycle");
            Console.WriteLine($"{"formatting: snapshot-shaped JSON",-45} {figures.SnapshotPayload,8:0.###} bytes/cycle");

            Console.WriteLine();
            Console.WriteLine("== BenchmarkDotNet [MemoryDiagnoser]");
            Summary[] summaries = BenchmarkRunner.Run(
                new[] { typeof(TelemetryCycleBenchmark), typeof(FormattingBenchmark) },
                ManualConfig.Create(DefaultConfig.Instance).WithOptions(ConfigOptions.JoinSummary),
                benchmarkDotNetArgs);
            // A benchmark that failed (e.g. its cycles were not the telemetry cycle) has no figure: not a success.
            bool benchmarksRan = summaries.All(summary => !summary.HasCriticalValidationErrors && summary.Reports.All(report => report.Success));
            return figures.AllZero && benchmarksRan ? 0 : 1;
        }
    }
}
