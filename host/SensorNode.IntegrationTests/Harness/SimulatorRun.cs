using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>The simulator run to its end with a command line that ends it at once (--help, sign, a refused option).</summary>
    public static class SimulatorRun
    {
        private const int ExitTimeoutMs = 30_000;

        public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(SimulatorProcess.SimulatorAssembly());
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process simulator = Process.Start(start);
            Task<string> output = simulator.StandardOutput.ReadToEndAsync();
            Task<string> error = simulator.StandardError.ReadToEndAsync();
            if (!simulator.WaitForExit(ExitTimeoutMs))
            {
                simulator.Kill(true);
                Assert.Fail("the simulator did not exit: " + string.Join(" ", arguments));
            }

            simulator.WaitForExit();
            return (simulator.ExitCode, output.Result, error.Result);
        }
    }
}
