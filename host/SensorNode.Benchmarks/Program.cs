using System;
using System.CommandLine;
using SensorNode.Benchmarks.Alloc;
using SensorNode.Benchmarks.Fleet;
using SensorNode.Benchmarks.Latency;
using SensorNode.Benchmarks.Wire;
using SensorNode.CommandLine;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// The performance figures of docs/performance.md, one command each. Run in Release:
    /// <c>dotnet run -c Release --project host/SensorNode.Benchmarks -- alloc|wire|wire-day|latency|fleet-restart</c>.
    /// A command line it does not understand: why, then the help of the command, on standard error; exit code 2.
    /// </summary>
    public static class Program
    {
        private const string RunCommand = "dotnet run -c Release --project host/SensorNode.Benchmarks";

        private const string Examples =
@"Examples (from the repository root; docs/performance.md has what each figure means):
  " + RunCommand + @" -- alloc --job short
  " + RunCommand + @" -- latency --gap-ms 50
  " + RunCommand + @" -- fleet-restart --nodes 200 --outage-s 70";

        public static int Main(string[] args)
        {
            RootCommand root = new RootCommand("The performance figures of docs/performance.md, one command each; run in Release.")
            {
                HelpName = RunCommand + " --",
            };
            root.Subcommands.Add(AllocCommand.Create());
            root.Subcommands.Add(WireCommand.Create());
            root.Subcommands.Add(WireDayCommand.Create());
            root.Subcommands.Add(LatencyCommand.Create());
            root.Subcommands.Add(FleetRestartCommand.Create());
            UnexpectedWords.Refuse(root, word => "unknown command " + word);
            CommandLineProgram.Prepare(root, command => command == root ? Examples : null);
            return CommandLineProgram.Run(root, args, (parsed, errors) =>
            {
                foreach (string error in errors)
                {
                    Console.Error.WriteLine(error);
                }

                Console.Error.WriteLine();
                CommandLineProgram.WriteHelp(root, parsed.CommandResult.Command, Console.Error);
                return CommandLineProgram.UsageError;
            });
        }
    }
}
