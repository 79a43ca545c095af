using System;
using System.IO;
using System.Linq;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>The README's promise, run as a new user would: the simulator alone, watched with mosquitto_sub.</summary>
    public class RunCommandTests
    {
        [SkippableFact]
        public void The_embedded_broker_shows_status_readings_and_state_retained_to_mosquitto_sub()
        {
            string mosquittoSub = Executable("mosquitto_sub");
            int port = LoopbackPorts.Free();
            using SimulatorProcess simulator = SimulatorProcess.StartWithEmbeddedBroker(port, "readme");
            simulator.WaitForLine("embedded MQTT broker", NodeUnderTest.StartTimeout);
            simulator.WaitForLine("→ sensornode/readme/state", NodeUnderTest.StartTimeout);

            // mosquitto_sub connects with MQTT 3.1.1 and an empty client id, and leaves after the retained messages.
            (_, string stdout, string stderr) = ChildProcess.Run(mosquittoSub, new[] { "-h", "localhost", "-p", port.ToString(), "-t", "sensornode/#", "-v", "--retained-only", "-W", "5" }, TimeSpan.FromSeconds(10));
            string output = stdout + stderr;

            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain("refused", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("sensornode/readme/status online", lines);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^sensornode/readme/sensor/bme280/temperature -?[0-9]+\\.[0-9]{2}$"));
            Assert.Contains(lines, l => l.StartsWith("sensornode/readme/state {\"seq\":", StringComparison.Ordinal));
            Assert.Contains("sensornode/readme/actuator/relay/state OFF", lines);
        }

        /// <summary>Skipped on a developer machine without it; CI installs mosquitto-clients and must run this.</summary>
        private static string Executable(string name)
        {
            string found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(directory => Path.Combine(directory, name))
                .FirstOrDefault(File.Exists);
            string missing = name + " is not installed (apt-get install -y mosquitto-clients)";
            Assert.False(found == null && Environment.GetEnvironmentVariable("CI") == "true", missing);
            Skip.If(found == null, missing);
            return found;
        }
    }
}
