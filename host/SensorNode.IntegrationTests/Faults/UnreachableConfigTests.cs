using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using SensorNode.Core.Config;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Faults
{
    /// <summary>
    /// "Connected" is not "reachable": behind a broker ACL that lets the node's user use only sensornode/#, a new
    /// topic prefix connects fine, but every publish and subscription under it is dropped. The trial must find
    /// out (its probe never comes back), revert, say why, and never store the prefix.
    /// </summary>
    public class UnreachableConfigTests
    {
        private const string NodePassword = "node-pw";
        private const string Operator = "operator";
        private const string OperatorPassword = "operator-pw";

        /// <summary>The node's own trial bound, plus the reconnect with the previous settings and a loaded CI machine.</summary>
        private static readonly TimeSpan RevertLimit = TimeSpan.FromMilliseconds(ConfigController.TrialMs) + TimeSpan.FromSeconds(10);

        private static readonly Regex SaysUnreachable = new Regex("reach|probe", RegexOptions.IgnoreCase);

        private readonly ITestOutputHelper _output;

        public UnreachableConfigTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void A_prefix_the_acl_denies_is_reverted_with_the_reason_and_never_stored()
        {
            string nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string baseTopic = "sensornode/" + nodeId;
            string acl = "user " + Operator + "\ntopic readwrite #\n\nuser " + nodeId + "\ntopic readwrite sensornode/#\n";
            using SecuredMosquitto secured = SecuredMosquitto.Start(new Dictionary<string, string> { [nodeId] = NodePassword, [Operator] = OperatorPassword }, acl);
            using Observer operatorView = Observer.Watch(secured.Broker, "#", Operator, OperatorPassword);
            DirectoryInfo state = Directory.CreateTempSubdirectory("sensornode-state-");
            try
            {
                string[] arguments = { "--user", nodeId, "--password", NodePassword, "--state", state.FullName };
                using (SimulatorProcess node = SimulatorProcess.Start(secured.Broker, nodeId, arguments))
                {
                    operatorView.WaitFor(baseTopic + "/status", "online", NodeUnderTest.StartTimeout);
                    operatorView.WaitFor("a state snapshot", r => r.Topic == baseTopic + "/state", NodeUnderTest.StartTimeout);

                    int before = operatorView.Count;
                    int consoleBefore = node.Lines.Length;
                    operatorView.Publish(baseTopic + "/config/set", "{\"topic_prefix\":\"home\"}");
                    string trial = node.WaitForLine("config_trial", l => l.Contains("config_trial"), NodeUnderTest.Timeout, consoleBefore);

                    // Whichever ends the trial, from the node's own log: under the ACL an observer would never see a
                    // config_applied published under home/, and a trial that passes on CONNECT alone says it at once.
                    string end = node.WaitForLine("end of the trial", l => l.Contains("config_reverted") || l.Contains("config_applied"), RevertLimit + TimeSpan.FromSeconds(5), consoleBefore);
                    TimeSpan took = ConsoleClock.Between(ConsoleClock.TimeOf(trial), ConsoleClock.TimeOf(end));
                    _output.WriteLine("trial ended after " + took.TotalSeconds.ToString("0.0") + " s: " + end);
                    Assert.False(end.Contains("config_applied"), "the trial of a prefix the broker denies was kept: " + end + "\n" + node.Console);
                    Assert.True(took <= RevertLimit, "reverted " + took.TotalSeconds + " s after the trial began; the limit is " + RevertLimit.TotalSeconds + " s");

                    // Reported where operators look: the event on the node's (restored) base topic.
                    Received outcome = operatorView.WaitFor("config_reverted", r => IsEvent(r, baseTopic, "config_reverted"), NodeUnderTest.Timeout, before);
                    string why = Text(outcome, "error") ?? Text(outcome, "message");
                    Assert.True(why != null && SaysUnreachable.IsMatch(why), "config_reverted does not say the node was unreachable: " + outcome.Payload);

                    int afterRevert = operatorView.Count;
                    operatorView.WaitFor(baseTopic + "/status", "online", NodeUnderTest.Timeout, before);
                    Received config = operatorView.WaitFor("the retained config", r => r.Topic == baseTopic + "/config", NodeUnderTest.Timeout, before);
                    Assert.Equal("sensornode", Text(config, "topic_prefix"));
                    operatorView.WaitFor("a state snapshot after the revert", r => r.Topic == baseTopic + "/state", NodeUnderTest.Timeout, afterRevert);
                    Assert.Equal(0, node.Terminate(NodeUnderTest.Timeout));
                }

                // Flash never held the prefix: the next start on the same state is under sensornode/ again.
                int beforeRestart = operatorView.Count;
                using (SimulatorProcess restarted = SimulatorProcess.Start(secured.Broker, nodeId, arguments))
                {
                    operatorView.WaitFor(baseTopic + "/status", "online", NodeUnderTest.StartTimeout, beforeRestart);
                    Received config = operatorView.WaitFor("the retained config", r => r.Topic == baseTopic + "/config", NodeUnderTest.Timeout, beforeRestart);
                    Assert.Equal("sensornode", Text(config, "topic_prefix"));
                    Assert.False(restarted.Printed("home/" + nodeId), "the restarted node used the reverted prefix:\n" + restarted.Console);
                }
            }
            finally
            {
                state.Delete(true);
            }
        }

        private static bool IsEvent(Received message, string baseTopic, string type)
        {
            return message.Topic == baseTopic + "/event" && Text(message, "type") == type;
        }

        /// <summary>A string member of a JSON payload; null when it is not there or the payload is not JSON.</summary>
        private static string Text(Received message, string member)
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(message.Payload);
                return json.RootElement.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
