using System;
using System.Collections.Generic;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// The real brokers every contract test runs against, by name for [InlineData]. Each test gets a broker of its
    /// own on a free loopback port, so retained messages never leak between tests.
    /// </summary>
    public static class Brokers
    {
        public const string Mosquitto = "mosquitto";
        public const string MqttNet = "mqttnet";

        /// <summary>
        /// Starts the named broker. Without mosquitto installed the test is skipped on a developer's machine but
        /// fails in CI (CI=true), where .ci/run installs it.
        /// </summary>
        /// <param name="port">The loopback port; a free one when 0 (a restart passes the port it had).</param>
        public static IBroker Start(string name, int port = 0)
        {
            switch (name)
            {
                case Mosquitto:
                    RequireMosquitto();
                    return MosquittoBroker.Start(port: port);
                case MqttNet:
                    return port == 0 ? EmbeddedBroker.StartOnFreePort() : EmbeddedBroker.Start(port);
                default:
                    throw new ArgumentException("no broker named " + name);
            }
        }

        /// <summary>
        /// Starts mosquitto with <paramref name="extraConfig"/> appended to its generated config (a password file, an
        /// ACL file: see <see cref="MosquittoBroker.Start"/>), skipped or failed as <see cref="Start"/> is.
        /// </summary>
        public static MosquittoBroker StartMosquitto(bool allowAnonymous, IEnumerable<string> extraConfig)
        {
            RequireMosquitto();
            return MosquittoBroker.Start(allowAnonymous: allowAnonymous, extraConfig: extraConfig);
        }

        /// <summary>A mosquitto whose listener speaks only TLS with these files; skipped or failed like <see cref="Start"/>.</summary>
        public static MosquittoBroker StartMosquittoWithTls(BrokerTls tls)
        {
            RequireMosquitto();
            return MosquittoBroker.Start(tls: tls);
        }

        /// <summary>Skips the test without mosquitto on a developer's machine; fails it in CI (CI=true), where .ci/run installs it.</summary>
        public static void RequireMosquitto()
        {
            if (!MosquittoBroker.IsInstalled)
            {
                const string Missing = "mosquitto is not installed (apt-get install -y mosquitto)";
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", Missing);
                Skip.If(true, Missing);
            }
        }
    }
}
