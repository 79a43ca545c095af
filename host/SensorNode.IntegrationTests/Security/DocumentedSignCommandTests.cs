using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Security
{
    /// <summary>
    /// The signing commands the docs tell a user to paste, run as written: the key made by docs/security.md's
    /// openssl line, then every `mosquitto_pub … "$(dotnet run … -- sign …)"` block of docs/security.md and
    /// docs/configuration.md, each through bash from the repository root, against a node with that key on mosquitto.
    /// The only thing the test adds is mosquitto_pub's own defaults file ($XDG_CONFIG_HOME/mosquitto_pub), which
    /// points the documented command at this test's broker instead of localhost:1883. Whatever `dotnet run` prints
    /// on stdout besides the payload (build warnings did) lands in the message and the node refuses it.
    /// </summary>
    public class DocumentedSignCommandTests
    {
        private const string NodeId = "a1b2c3"; // the node the docs' commands address
        private const string KeyFile = NodeId + ".key";
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3); // the first `dotnet run` may build

        [SkippableFact]
        public void Every_documented_sign_command_is_accepted_by_a_node_with_the_documented_key()
        {
            Brokers.RequireMosquitto();
            string keyPath = Path.Combine(Built.RepoRoot, KeyFile);
            Assert.False(File.Exists(keyPath), keyPath + " exists already; the test will not overwrite a user's key");
            string[] signCommands = DocumentedCommands("docs/security.md", "docs/configuration.md").Where(c => c.Contains(" sign ")).ToArray();
            Assert.Equal(2, signCommands.Length);

            string xdg = Directory.CreateTempSubdirectory("sensornode-sign-").FullName;
            try
            {
                RunAsDocumented(DocumentedCommands("docs/security.md").Single(c => c.StartsWith("openssl rand", StringComparison.Ordinal)), xdg);
                using IBroker broker = Brokers.Start(Brokers.Mosquitto);
                File.WriteAllText(Path.Combine(xdg, "mosquitto_pub"), "-h " + broker.Host + "\n-p " + broker.Port + "\n");
                using Observer watcher = Observer.Watch(broker, "sensornode/" + NodeId + "/#");
                using SimulatorProcess node = SimulatorProcess.Start(broker, NodeId, "--config-key-file", keyPath);
                watcher.WaitFor(node.Base + "/status", "online", NodeUnderTest.StartTimeout);

                foreach (string command in signCommands)
                {
                    int before = watcher.Count;
                    RunAsDocumented(command, xdg);
                    Received verdict = watcher.WaitFor(
                        "the node's verdict on: " + command,
                        r => r.Topic == node.Base + "/event" && (r.Payload.Contains("\"config_applied\"") || r.Payload.Contains("\"config_rejected\"")),
                        NodeUnderTest.StartTimeout,
                        before);
                    Assert.True(verdict.Payload.Contains("\"config_applied\""), command + "\nwas answered: " + verdict.Payload);
                }
            }
            finally
            {
                File.Delete(keyPath);
                Directory.Delete(xdg, true);
            }
        }

        /// <summary>The commands of the ```sh blocks of the given docs, continuation lines joined.</summary>
        private static IEnumerable<string> DocumentedCommands(params string[] docs)
        {
            foreach (string doc in docs)
            {
                string text = File.ReadAllText(Path.Combine(Built.RepoRoot, doc)).Replace("\r\n", "\n");
                foreach (Match block in Regex.Matches(text, "```(?:sh|bash)\n(.*?)```", RegexOptions.Singleline))
                {
                    foreach (string command in block.Groups[1].Value.Replace("\\\n", "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return command.Trim();
                    }
                }
            }
        }

        private static void RunAsDocumented(string command, string xdgConfigHome)
        {
            (int exitCode, string stdout, string stderr) = ChildProcess.Run("bash", new[] { "-c", command }, CommandTimeout, start =>
            {
                start.WorkingDirectory = Built.RepoRoot;
                start.Environment["XDG_CONFIG_HOME"] = xdgConfigHome;
            });
            Assert.True(exitCode == 0, command + "\nexit " + exitCode + "\n" + stdout + stderr);
        }
    }
}
