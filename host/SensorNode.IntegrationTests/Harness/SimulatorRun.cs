using System;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>The simulator run to its end with a command line that ends it at once (--help, sign, a refused option).</summary>
    public static class SimulatorRun
    {
        public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
        {
            string[] command = new string[arguments.Length + 1];
            command[0] = Built.SimulatorAssembly;
            arguments.CopyTo(command, 1);
            return ChildProcess.Run("dotnet", command, TimeSpan.FromSeconds(30));
        }
    }
}
