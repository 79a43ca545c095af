using System.Diagnostics;
using System.IO;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>
    /// Command-line options go through the rules a config on the config topic gets: a clear error and exit code 2,
    /// before any broker or node starts.
    /// </summary>
    public class OptionValidationTests
    {
        [Theory]
        [InlineData("--node-id", "#", "--node-id must be one topic level")]
        [InlineData("--node-id", "a/b", "--node-id must be one topic level")]
        [InlineData("--node-id", "", "--node-id must be one topic level")]
        [InlineData("--prefix", "a/+/b", "--prefix must be topic levels without '+'")]
        [InlineData("--broker", ":1883", "--broker needs a host")]
        [InlineData("--outputs", "relay,relay", "--outputs: each output once")]
        [InlineData("--outputs", "a/b", "--outputs: 'a/b' must be one topic level")]
        [InlineData("--outputs", "pump:max_on=0", "--outputs: 'max_on=0' in 'pump:max_on=0' needs whole seconds from 1 to 86400")]
        [InlineData("--outputs", "pump:offline_safe", "--outputs: 'offline_safe' in 'pump:offline_safe' needs whole seconds")]
        [InlineData("--outputs", "pump:max_on=86401", "--outputs: output pump: maximum on-time 86401 s must be 0 (none) or 1 to 86400 s")]
        [InlineData("--outputs", "pump:max_on=5:max_on=6", "--outputs: 'pump:max_on=5:max_on=6' names max_on twice")]
        [InlineData("--outputs", "pump:switch", "--outputs: 'pump:switch' is not NAME[:dimmer][:max_on=S][:offline_safe=S]")]
        [InlineData("--state", "/etc/hostname", "--state: '/etc/hostname' is a file")]
        [InlineData("--chips", "bme280,bme280", "--chips: each chip once")]
        [InlineData("--nodes", "0", "--nodes takes a whole number from 1 to 1000, not '0'")]
        [InlineData("--nodes", "1001", "--nodes takes a whole number from 1 to 1000, not '1001'")]
        [InlineData("--nodes", "three", "--nodes takes a whole number from 1 to 1000, not 'three'")]
        public void A_bad_option_is_a_clear_error_with_exit_code_2(string option, string value, string expected)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(SimulatorProcess.SimulatorAssembly());
            start.ArgumentList.Add(option);
            start.ArgumentList.Add(value);
            using Process simulator = Process.Start(start);
            string error = simulator.StandardError.ReadToEnd();
            Assert.True(simulator.WaitForExit(30_000), "the simulator did not exit");

            Assert.Equal(2, simulator.ExitCode);
            Assert.Contains(expected, error);
        }

        [Theory]
        [InlineData("missing", "--ca-file: cannot read '/nonexistent/ca.pem'")]
        [InlineData("folder", "--ca-file: cannot read '/etc'")]
        [InlineData("not-pem", "--ca-file: '/etc/hostname' holds no PEM certificate")]
        [InlineData("bad-pem", "is not a readable PEM certificate")]
        [InlineData("without-tls", "--ca-file needs --tls")]
        public void A_bad_ca_file_is_a_clear_error_with_exit_code_2(string @case, string expected)
        {
            string badPem = Path.GetTempFileName();
            try
            {
                File.WriteAllText(badPem, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
                string caFile = @case switch
                {
                    "missing" => "/nonexistent/ca.pem",
                    "folder" => "/etc",
                    "not-pem" => "/etc/hostname",
                    "bad-pem" => badPem,
                    _ => badPem,
                };
                ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add(SimulatorProcess.SimulatorAssembly());
                foreach (string argument in new[] { "--broker", "127.0.0.1:1", "--ca-file", caFile })
                {
                    start.ArgumentList.Add(argument);
                }

                if (@case != "without-tls")
                {
                    start.ArgumentList.Add("--tls");
                }

                using Process simulator = Process.Start(start);
                string error = simulator.StandardError.ReadToEnd();
                Assert.True(simulator.WaitForExit(30_000), "the simulator did not exit");

                Assert.Equal(2, simulator.ExitCode);
                Assert.Contains(expected, error);
            }
            finally
            {
                File.Delete(badPem);
            }
        }
    }
}
