using System;
using System.Linq;
using SensorNode.Benchmarks.Alloc;
using SensorNode.Benchmarks.Fleet;
using SensorNode.Benchmarks.Latency;
using SensorNode.Benchmarks.Wire;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// The performance figures of docs/performance.md, one command each. Run in Release:
    /// <c>dotnet run -c Release --project host/SensorNode.Benchmarks -- alloc|wire|wire-day|latency|fleet-restart</c>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : "";
            string[] rest = args.Skip(1).ToArray();
            switch (command)
            {
                case "alloc": return AllocCommand.Run(rest);
                case "wire": return WireCommand.Run();
                case "wire-day": return WireDayCommand.Run();
                case "latency": return LatencyCommand.Run(rest);
                case "fleet-restart": return FleetRestartCommand.Run(rest);
                default:
                    Console.Error.WriteLine("usage: dotnet run -c Release --project host/SensorNode.Benchmarks -- <command>");
                    Console.Error.WriteLine("  alloc     allocations per telemetry cycle of the portable core (extra arguments go to BenchmarkDotNet)");
                    Console.Error.WriteLine("  wire      bytes of PUBLISH packets per cycle: SensorNode vs Tasmota and ESPHome shapes");
                    Console.Error.WriteLine("  wire-day  bytes and packets per hour over a synthesised day of a room, and each quantity's worst staleness");
                    Console.Error.WriteLine("  " + LatencyOptions.Usage);
                    Console.Error.WriteLine("            command → output latency through a private mosquitto, beside mosquitto's own");
                    Console.Error.WriteLine("  " + FleetRestartOptions.Usage);
                    Console.Error.WriteLine("            broker restart under a fleet of simulated nodes, with and without reconnect jitter: connects/s, time until all are back");
                    return 2;
            }
        }
    }
}
