using System;
using System.Diagnostics;
using System.Linq;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// TLS with a private CA (docs/tls.md): certificates made with openssl at test time, a mosquitto whose only
    /// listener speaks TLS, and the simulator with --tls --ca-file. Watched by an observer that checks the broker's
    /// certificate itself (MQTTnet's trust chain, not the simulator's code).
    /// </summary>
    public class TlsTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly ITestOutputHelper _output;

        public TlsTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void With_the_brokers_CA_the_node_connects_over_TLS_and_publishes_online_and_readings()
        {
            using TestPki pki = TestPki.Create("SensorNode test CA");
            using MosquittoBroker broker = Brokers.StartMosquittoWithTls(pki.IssueServer());
            using Observer watcher = Observer.WatchOverTls(broker, "sensornode/tls-ok/#", pki.CaCertificate);

            Stopwatch took = Stopwatch.StartNew();
            using SimulatorProcess simulator = SimulatorProcess.Start(broker, "tls-ok", "--tls", "--ca-file", pki.CaFile);
            watcher.WaitFor(simulator.Base + "/status", "online", Timeout);
            _output.WriteLine("online over TLS " + took.ElapsedMilliseconds + " ms after the simulator started");
            foreach (string quantity in new[] { "temperature", "humidity", "pressure" })
            {
                watcher.WaitFor(quantity, r => r.Topic == simulator.Base + "/sensor/bme280/" + quantity, Timeout);
            }

            Assert.False(simulator.Printed("connect failed"), simulator.Console);
        }

        [SkippableFact]
        public void A_broker_certificate_from_another_CA_is_refused_with_a_clear_error_and_the_node_keeps_retrying()
        {
            using TestPki ours = TestPki.Create("SensorNode test CA");
            using TestPki other = TestPki.Create("Some other CA");
            using MosquittoBroker broker = Brokers.StartMosquittoWithTls(other.IssueServer());
            // The observer trusts the broker's real CA, so it would see the node if it got through.
            using Observer watcher = Observer.WatchOverTls(broker, "sensornode/#", other.CaCertificate);
            // ...and only that CA: with ours it cannot connect either (the observer's check is a real one).
            Assert.ThrowsAny<Exception>(() => Observer.WatchOverTls(broker, "sensornode/#", ours.CaCertificate).Dispose());

            using SimulatorProcess simulator = SimulatorProcess.Start(broker, "tls-refused", "--tls", "--ca-file", ours.CaFile);
            string first = simulator.WaitForLine("broker certificate refused", Timeout);
            _output.WriteLine(first);
            Assert.Contains("is not signed by the CA in " + ours.CaFile, first);
            Assert.Contains("CN=Some other CA", first);
            Assert.Contains("--ca-file", first);

            // It retries as after any failed connect (1 s, then 2 s), still refused, still running, never online.
            WaitForSecondRefusal(simulator);
            Assert.False(simulator.HasExited, simulator.Console);
            Assert.DoesNotContain(watcher.All, r => r.Topic.StartsWith(simulator.Base + "/", StringComparison.Ordinal));
        }

        [SkippableFact]
        public void A_broker_certificate_from_the_right_CA_for_another_host_is_refused()
        {
            using TestPki pki = TestPki.Create("SensorNode test CA");
            using MosquittoBroker broker = Brokers.StartMosquittoWithTls(pki.IssueServer("DNS:elsewhere.example"));

            using SimulatorProcess simulator = SimulatorProcess.Start(broker, "tls-wrong-host", "--tls", "--ca-file", pki.CaFile);
            string refused = simulator.WaitForLine("broker certificate refused", Timeout);
            _output.WriteLine(refused);
            Assert.Contains("does not name the host connected to", refused);
            Assert.Contains("make it a certificate that names this host", refused);
            Assert.False(simulator.HasExited, simulator.Console);
        }

        [SkippableFact]
        public void An_expired_broker_certificate_from_the_right_CA_is_reported_as_expired_with_the_fix()
        {
            using TestPki pki = TestPki.Create("SensorNode test CA");
            using MosquittoBroker broker = Brokers.StartMosquittoWithTls(pki.IssueServer(days: -1));

            using SimulatorProcess simulator = SimulatorProcess.Start(broker, "tls-expired", "--tls", "--ca-file", pki.CaFile);
            string refused = simulator.WaitForLine("broker certificate refused", Timeout);
            _output.WriteLine(refused);
            Assert.Contains("expired on ", refused);
            Assert.Contains("renew the broker's certificate with the same CA", refused);
            Assert.DoesNotContain("is not signed by", refused);
        }

        [SkippableFact]
        public void Tls_without_a_ca_file_to_a_broker_with_a_private_ca_names_the_fix()
        {
            using TestPki pki = TestPki.Create("SensorNode test CA");
            using MosquittoBroker broker = Brokers.StartMosquittoWithTls(pki.IssueServer());

            using SimulatorProcess simulator = SimulatorProcess.Start(broker, "tls-no-ca", "--tls");
            string refused = simulator.WaitForLine("broker certificate refused", Timeout);
            _output.WriteLine(refused);
            Assert.Contains("is not signed by a CA this computer trusts", refused);
            Assert.Contains("--ca-file", refused);
        }

        private static void WaitForSecondRefusal(SimulatorProcess simulator)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (simulator.Lines.Count(l => l.Contains("broker certificate refused", StringComparison.Ordinal)) < 2)
            {
                Assert.True(waited.Elapsed < Timeout, "no second refused connect within " + Timeout.TotalSeconds + " s:\n" + simulator.Console);
                System.Threading.Thread.Sleep(100);
            }
        }
    }
}
