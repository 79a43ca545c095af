using System;
using System.Diagnostics;
using System.IO;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>mosquitto's own publisher, as a user commands a node from a shell.</summary>
    public static class MosquittoPub
    {
        /// <summary>mosquitto_pub -t <paramref name="topic"/> -m <paramref name="payload"/> (QoS 1, not retained); throws when it fails.</summary>
        public static void Publish(IBroker broker, string topic, string payload)
        {
            const string Path = "/usr/bin/mosquitto_pub";
            string missing = "mosquitto_pub is not installed (apt-get install -y mosquitto-clients)";
            Assert.False(!File.Exists(Path) && Environment.GetEnvironmentVariable("CI") == "true", missing);
            Skip.If(!File.Exists(Path), missing);
            ProcessStartInfo start = new ProcessStartInfo(Path) { RedirectStandardError = true };
            foreach (string argument in new[] { "-h", broker.Host, "-p", broker.Port.ToString(), "-q", "1", "-t", topic, "-m", payload })
            {
                start.ArgumentList.Add(argument);
            }

            using Process pub = Process.Start(start);
            string error = pub.StandardError.ReadToEnd();
            Assert.True(pub.WaitForExit(10_000), "mosquitto_pub did not end");
            Assert.True(pub.ExitCode == 0, "mosquitto_pub failed: " + error);
        }
    }
}
