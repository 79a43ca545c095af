using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SensorNode.CommandLine;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// "fleet-restart": a broker restart under a fleet of simulated nodes, once with the nodes' reconnect jitter and
    /// once without (<c>--no-jitter</c>), in one run; connects per second and the time until all are back, from
    /// mosquitto's own log; a table, the issue's goals checked, and the plot as SVG.
    /// </summary>
    public static class FleetRestartCommand
    {
        /// <summary>The back-off's cap (30 s) plus 5 s: the issue's bound for "all back".</summary>
        public const int AllBackGoalSeconds = 35;

        public static Command Create()
        {
            Option<int> nodes = CommandLineOptions.WholeNumber("--nodes", "N", "simulated nodes", 2, 1000, FleetRestartOptions.DefaultNodes);
            Option<int> outage = CommandLineOptions.WholeNumber("--outage-s", "S", "seconds the broker stays down", 1, 300, FleetRestartOptions.DefaultOutageSeconds);
            Option<string> svg = CommandLineOptions.Value("--svg", "PATH", "where the plot goes", FleetRestartOptions.DefaultSvgPath);
            Option<string> note = CommandLineOptions.Value("--note", "TEXT", "second title line of the plot (what was measured)");
            Command command = new Command("fleet-restart",
                "broker restart under a fleet of simulated nodes, with and without reconnect jitter: connects/s, time until all are back")
            {
                nodes, outage, svg, note,
            };
            UnexpectedWords.Refuse(command, word => "unknown option " + word);
            command.SetAction(parsed => Run(new FleetRestartOptions(parsed.GetValue(nodes), parsed.GetValue(outage), parsed.GetValue(svg), parsed.GetValue(note))));
            return command;
        }

        public static int Run(FleetRestartOptions options)
        {
            RestartResult jitter = FleetRestartRun.Measure("jitter", options.Nodes, options.OutageSeconds, true);
            RestartResult lockstep = FleetRestartRun.Measure("no jitter", options.Nodes, options.OutageSeconds, false);
            RestartResult[] runs = { jitter, lockstep };

            Console.WriteLine();
            Console.WriteLine($"Broker restart under {options.Nodes} nodes, {options.OutageSeconds} s down (one simulator process, private mosquitto, connects from its log, 1 s resolution)");
            Console.WriteLine();
            Console.WriteLine("| run | all online after start | peak CONNECTs in any 1 s | peak CONNECTs in a log second (which) | all back after restart | nodes back | simulator CPU | peak RSS | threads |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (RestartResult r in runs)
            {
                Console.WriteLine($"| {r.Name} | {r.FirstOnlineSeconds:0.0} s | {r.PeakInAnySecond} | {r.Peak} (s {r.PeakSecond}) | {(r.AllBackSeconds == null ? "not all" : r.AllBackSeconds + " s")} | {r.NodesBack} of {r.Nodes} | {r.SimulatorCpu.TotalSeconds:0.0} s | {r.SimulatorPeakMemoryBytes / (1024 * 1024)} MB | {r.SimulatorPeakThreads} |");
            }

            Console.WriteLine();
            Console.WriteLine("CONNECTs accepted per second after the restart (second 0: mosquitto's \"running\" line):");
            Console.WriteLine();
            int seconds = runs.Max(r => r.ConnectsPerSecond.Length);
            int shown = Math.Min(seconds, runs.Max(r => LastNonZero(r.ConnectsPerSecond)) + 2);
            Console.WriteLine("| second | " + string.Join(" | ", runs.Select(r => r.Name)) + " |");
            Console.WriteLine("|---:|" + string.Concat(runs.Select(_ => "---:|")));
            for (int s = 0; s < shown; s++)
            {
                Console.WriteLine($"| {s} | " + string.Join(" | ", runs.Select(r => s < r.ConnectsPerSecond.Length ? r.ConnectsPerSecond[s].ToString() : "")) + " |");
            }

            Console.WriteLine();
            // The goal on the sliding peak: whole log seconds can split the lockstep burst in two and flatter it.
            bool peakHolds = lockstep.PeakInAnySecond > 0 && jitter.PeakInAnySecond * 3 <= lockstep.PeakInAnySecond;
            Console.WriteLine($"peak CONNECTs/s with jitter <= 1/3 of without: {(peakHolds ? "HOLDS" : "DOES NOT HOLD")} ({jitter.PeakInAnySecond} against {lockstep.PeakInAnySecond} in any 1 s, limit {lockstep.PeakInAnySecond / 3.0:0.#}; in log seconds {jitter.Peak} against {lockstep.Peak})");
            foreach (RestartResult r in runs)
            {
                bool back = r.AllBackSeconds != null && r.AllBackSeconds <= AllBackGoalSeconds;
                Console.WriteLine($"all back within {AllBackGoalSeconds} s ({r.Name}): {(back ? "HOLDS" : "DOES NOT HOLD")} ({(r.AllBackSeconds == null ? "not all back" : r.AllBackSeconds + " s")})");
            }

            string svg = ConnectRateSvg.Render(
                $"Broker restart under {options.Nodes} nodes, {options.OutageSeconds} s outage: CONNECTs per second",
                options.Note,
                new List<(string, int[])> { ("with jitter", jitter.ConnectsPerSecond), ("no jitter (--no-jitter)", lockstep.ConnectsPerSecond) },
                AllBackGoalSeconds);
            string directory = Path.GetDirectoryName(Path.GetFullPath(options.SvgPath));
            Directory.CreateDirectory(directory);
            File.WriteAllText(options.SvgPath, svg);
            Console.WriteLine("plot: " + options.SvgPath);
            return runs.All(r => r.ExitCode == 0) ? 0 : 1;
        }

        private static int LastNonZero(int[] values)
        {
            for (int i = values.Length - 1; i >= 0; i--)
            {
                if (values[i] != 0)
                {
                    return i;
                }
            }

            return 0;
        }
    }
}
