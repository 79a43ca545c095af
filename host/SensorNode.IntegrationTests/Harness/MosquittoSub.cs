using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>mosquitto's own client, as a user checks a node: the retained messages under a topic, once or until one shows up.</summary>
    public static class MosquittoSub
    {
        /// <summary>"topic payload" lines of the retained messages under <paramref name="filter"/> now.</summary>
        public static string[] Retained(IBroker broker, string filter)
        {
            (_, string output, _) = ChildProcess.Run(Executable(), new[] { "-h", broker.Host, "-p", broker.Port.ToString(), "-t", filter, "-v", "--retained-only", "-W", "2" }, TimeSpan.FromSeconds(10));
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>Asks again until a retained message is exactly "<paramref name="topic"/> <paramref name="payload"/>"; throws with what it saw.</summary>
        public static void WaitForRetained(IBroker broker, string topic, string payload, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            string[] seen;
            do
            {
                seen = Retained(broker, topic);
                if (seen.Contains(topic + " " + payload))
                {
                    return;
                }

                Thread.Sleep(300);
            }
            while (DateTime.UtcNow < deadline);
            throw new TimeoutException("mosquitto_sub saw no retained '" + topic + " " + payload + "' within " + timeout.TotalSeconds + " s; it saw: " + string.Join(" | ", seen));
        }

        private static string Executable()
        {
            const string Path = "/usr/bin/mosquitto_sub";
            string missing = "mosquitto_sub is not installed (apt-get install -y mosquitto-clients)";
            Assert.False(!File.Exists(Path) && Environment.GetEnvironmentVariable("CI") == "true", missing);
            Skip.If(!File.Exists(Path), missing);
            return Path;
        }
    }
}
