using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace SensorNode.HostTestKit
{
    /// <summary>A program run to its end (a command line that ends at once, a tool such as openssl or mosquitto_sub).</summary>
    public static class ChildProcess
    {
        /// <summary>
        /// Runs <paramref name="fileName"/> and returns its exit code and what it wrote; kills it and throws a
        /// <see cref="TimeoutException"/> when it does not end within <paramref name="timeout"/>.
        /// <paramref name="configure"/> may set a working folder, environment variables or a standard input.
        /// </summary>
        public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, Action<ProcessStartInfo> configure = null)
        {
            ProcessStartInfo start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            configure?.Invoke(start);
            using Process process = Process.Start(start);
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(true);
                throw new TimeoutException(fileName + " " + string.Join(" ", start.ArgumentList) + " did not end within " + timeout.TotalSeconds + " s");
            }

            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
