using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using SensorNode.Core.Config;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Security
{
    /// <summary>
    /// The probe is what proves a new topic prefix works before the node keeps it (the ACL rollback). An attacker who
    /// can read the node's topics and write under the new prefix, where the node itself may subscribe but not publish,
    /// must not be able to produce it: not by copying earlier probes, not by guessing the next one from them, not by
    /// flooding. If it could, the node would keep (and store) a prefix it cannot publish under.
    /// </summary>
    public class ProbeForgeryTests
    {
        private const string NodePassword = "node-pw";
        private const string Operator = "operator";
        private const string OperatorPassword = "operator-pw";
        private const string Attacker = "attacker";
        private const string AttackerPassword = "attacker-pw";

        private static readonly TimeSpan RevertLimit = TimeSpan.FromMilliseconds(ConfigController.TrialMs) + TimeSpan.FromSeconds(10);

        private readonly ITestOutputHelper _output;

        public ProbeForgeryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void Copied_guessed_and_flooded_probes_do_not_make_a_denied_prefix_pass_its_trial()
        {
            string nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string baseTopic = "sensornode/" + nodeId;
            string trialProbe = "home/" + nodeId + "/probe";
            string acl = "user " + Operator + "\ntopic readwrite #\n\n"
                + "user " + nodeId + "\ntopic readwrite sensornode/#\ntopic read home/#\n\n"
                + "user " + Attacker + "\ntopic read sensornode/#\ntopic write home/#\n";
            Dictionary<string, string> users = new Dictionary<string, string> { [nodeId] = NodePassword, [Operator] = OperatorPassword, [Attacker] = AttackerPassword };
            using SecuredMosquitto secured = SecuredMosquitto.Start(users, acl);
            using Observer operatorView = Observer.Watch(secured.Broker, "#", Operator, OperatorPassword);
            using Observer attacker = Observer.Watch(secured.Broker, baseTopic + "/#", Attacker, AttackerPassword);
            using SimulatorProcess node = SimulatorProcess.Start(secured.Broker, nodeId, "--user", nodeId, "--password", NodePassword);

            Received firstProbe = attacker.WaitFor("the node's probe", r => r.Topic == baseTopic + "/probe", NodeUnderTest.StartTimeout);
            operatorView.WaitFor(baseTopic + "/status", "online", NodeUnderTest.StartTimeout);
            _output.WriteLine("copied: " + firstProbe.Payload);

            int consoleBefore = node.Lines.Length;
            int attackerBefore = attacker.Count;
            operatorView.Publish(baseTopic + "/config/set", "{\"topic_prefix\":\"home\"}");
            attacker.WaitFor("config_trial", r => r.Topic == baseTopic + "/event" && r.Payload.Contains("\"config_trial\""), NodeUnderTest.Timeout, attackerBefore);

            int sent = Attack(attacker, trialProbe, baseTopic + "/probe", firstProbe, TimeSpan.FromSeconds(ConnectionProbeSeconds + 2));
            _output.WriteLine("sent " + sent + " forged probes");
            string end = node.WaitForLine("end of the trial", l => l.Contains("config_reverted") || l.Contains("config_applied"), RevertLimit, consoleBefore);
            _output.WriteLine(end);
            Assert.False(end.Contains("config_applied"), "a forged probe passed the trial of a prefix the node cannot publish under: " + end + "\n" + node.Console);
            Assert.True(node.Printed("probes ignored"), "the node did not count the forged probes it ignored:\n" + node.Console);
            operatorView.WaitFor(baseTopic + "/status", "online", NodeUnderTest.Timeout);
        }

        /// <summary>The node's probe timeout (ConnectionSupervisor.ProbeTimeoutMs) in seconds: the attack window.</summary>
        private const int ConnectionProbeSeconds = 10;

        /// <summary>
        /// For the attack window: every copied probe again, and a sweep of guesses in the old form "probe
        /// &lt;counter&gt; &lt;uptime_ms&gt;" for each millisecond within 1.5 s of the node's uptime at the trial's
        /// start (its clock estimated from the copied probe's arrival), again and again; plus random guesses
        /// in the probe's current form. Returns how many were sent.
        /// </summary>
        private static int Attack(Observer attacker, string target, string copiedTopic, Received sample, TimeSpan window)
        {
            string[] parts = sample.Payload.Split(' ');
            bool oldForm = parts.Length == 3 && long.TryParse(parts[1], out _) && long.TryParse(parts[2], out _);
            long counter = oldForm ? long.Parse(parts[1]) : 0;
            long offsetMs = oldForm ? MillisecondsOf(sample.At) - long.Parse(parts[2]) : 0;
            long trialAt = MillisecondsOf(Stopwatch.GetTimestamp()) - offsetMs; // the node's uptime now, about
            int sent = 0;
            Stopwatch clock = Stopwatch.StartNew();
            long nextFloodMs = 0;
            while (clock.Elapsed < window)
            {
                // Copies and random guesses ten times a second; the sweep below as fast as the node's clock runs.
                bool flood = clock.ElapsedMilliseconds >= nextFloodMs;
                if (flood)
                {
                    nextFloodMs += 100;
                }

                foreach (Received copy in flood ? attacker.All.Where(r => r.Topic == copiedTopic) : Enumerable.Empty<Received>())
                {
                    attacker.PublishAtMostOnce(target, copy.Payload);
                    sent++;
                    if (oldForm)
                    {
                        string[] copied = copy.Payload.Split(' ');
                        counter = Math.Max(counter, long.Parse(copied[1]));
                    }
                }

                if (oldForm)
                {
                    // The probe's stamp is fixed once sent: every round covers the candidates around the trial's start.
                    for (long uptime = trialAt - 1500; uptime <= trialAt + 1500; uptime++)
                    {
                        attacker.PublishAtMostOnce(target, "probe " + (counter + 1) + " " + uptime);
                        sent++;
                    }
                }

                Thread.Sleep(1);
                for (int i = 0; flood && i < 20; i++)
                {
                    attacker.PublishAtMostOnce(target, "probe " + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant());
                    sent++;
                }
            }

            return sent;
        }

        private static long MillisecondsOf(long stopwatchTimestamp)
        {
            return stopwatchTimestamp * 1000 / Stopwatch.Frequency;
        }
    }
}
