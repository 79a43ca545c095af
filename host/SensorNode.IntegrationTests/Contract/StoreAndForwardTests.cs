using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>Readings taken while the broker is away arrive after it is back, on "{base}/history".</summary>
    public class StoreAndForwardTests
    {
        private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

        /// <summary>The reconnect back-off is capped at 30 s (full jitter), or 1 s doubling (attempt at about 31 s): either way within this.</summary>
        private static readonly TimeSpan BackOnline = TimeSpan.FromSeconds(30 + 15);

        private readonly ITestOutputHelper _output;

        public StoreAndForwardTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void After_a_30_s_broker_restart_the_readings_of_the_outage_arrive_on_history_with_their_own_time_and_contiguous_sequence()
        {
            Brokers.RequireMosquitto();
            DirectoryInfo store = Directory.CreateTempSubdirectory("sensornode-persistence-");
            // The observer is a historian with a persistent session, kept on disk by the broker across the restart:
            // it gets every QoS 1 history message whether the node or it reconnects first.
            string[] persistent = { "persistence true", "persistence_location " + store.FullName + "/", "autosave_interval 1", "user " + Environment.UserName };
            string nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string baseTopic = "sensornode/" + nodeId;
            string historian = "historian-" + nodeId;
            MosquittoBroker broker = MosquittoBroker.Start(extraConfig: persistent);
            Observer watcher = Observer.WatchPersistent(broker, baseTopic + "/#", historian);
            using SimulatorProcess simulator = SimulatorProcess.Start(broker, nodeId);
            try
            {
                watcher.WaitFor(baseTopic + "/status", "online", NodeUnderTest.StartTimeout);
                watcher.WaitFor("a state snapshot", r => r.Topic == baseTopic + "/state", NodeUnderTest.StartTimeout);
                Thread.Sleep(2000); // the broker saves the historian's session (autosave every second)
                Received lastBefore = watcher.All.Last(r => r.Topic == baseTopic + "/state");
                // Cycles read at boot before the node was first online went out on history already: the outage goes on from them.
                long[] seqBefore = watcher.All.Where(r => r.Topic == baseTopic + "/history").Select(SeqOf).ToArray();
                long lastSeqBefore = seqBefore.Length == 0 ? 0 : seqBefore.Max();
                int port = broker.Port;
                broker.Dispose(); // killed: the node's connection drops at once
                watcher.Dispose();

                Thread.Sleep(Outage);
                broker = MosquittoBroker.Start(port: port, extraConfig: persistent);
                watcher = Observer.Resume(broker, historian);
                Received online = watcher.WaitFor("online again", r => r.Topic == baseTopic + "/status" && r.Payload == "online" && !r.Retained, BackOnline);
                int afterOnline = watcher.All.ToList().IndexOf(online);
                Received firstAfter = watcher.WaitFor("a state snapshot after the reconnect", r => r.Topic == baseTopic + "/state", NodeUnderTest.Timeout, afterOnline);
                // A few more cycles: the backlog (8 messages per 10 ms) is long out by then.
                watcher.WaitFor("a later snapshot", r => r.Topic == baseTopic + "/state" && r != firstAfter, NodeUnderTest.Timeout, watcher.All.ToList().IndexOf(firstAfter) + 1);
                Thread.Sleep(2000);

                // This connection's: the outage. QoS 1 is at least once: the broker may hand the resumed historian again
                // what it had sent before the kill and not yet saved as acknowledged, and a historian drops such repeats by seq.
                Received[] delivered = watcher.All.Where(r => r.Topic == baseTopic + "/history").ToArray();
                Received[] history = delivered.Where(r => SeqOf(r) > lastSeqBefore).GroupBy(SeqOf).Select(g => g.First()).ToArray();
                // What is older than the outage is only ever a repeat of what the historian had before it.
                Assert.All(delivered.Where(r => SeqOf(r) <= lastSeqBefore), r => Assert.Contains(SeqOf(r), seqBefore));
                _output.WriteLine((delivered.Length - history.Length) + " repeated deliveries dropped by seq");
                (long uptime, DateTime time) before = UptimeAndTime(lastBefore.Payload);
                (long uptime, DateTime time) after = UptimeAndTime(firstAfter.Payload);
                _output.WriteLine(history.Length + " history messages; the last snapshot before the outage at uptime " + before.uptime + ", the first after at " + after.uptime);
                Assert.True(history.Length >= 25, history.Length + " readings kept from an outage of 30 s at 1 s intervals");

                long previousUptime = -1;
                for (int i = 0; i < history.Length; i++)
                {
                    using JsonDocument json = JsonDocument.Parse(history[i].Payload);
                    JsonElement root = json.RootElement;
                    Assert.Equal(lastSeqBefore + i + 1, root.GetProperty("seq").GetInt64()); // contiguous, and on from the boot's
                    long uptime = root.GetProperty("uptime_ms").GetInt64();
                    // The node's own schedule: a cycle every second at the earliest, later on a busy machine.
                    if (previousUptime >= 0)
                    {
                        Assert.InRange(uptime - previousUptime, 1000, 5000);
                    }

                    previousUptime = uptime;
                    Assert.True(uptime > before.uptime - 1000 && uptime < after.uptime, "taken during the outage: " + history[i].Payload);
                    // Its own time: the clock's at the read, which the uptime since the last snapshot before the outage
                    // fixes to within the whole seconds both are written in.
                    DateTime time = DateTime.Parse(root.GetProperty("time").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                    DateTime expected = before.time.AddMilliseconds(uptime - before.uptime);
                    Assert.InRange((time - expected).TotalSeconds, -1.5, 1.5);
                    Assert.True(root.GetProperty("sensors").GetProperty("bme280").TryGetProperty("temperature", out _), history[i].Payload);
                }

                long span = UptimeOf(history.Last()) - UptimeOf(history.First());
                Assert.True(span >= 25_000, "the history covers the outage: " + span + " ms");

                // The retained topics end with the newest value: what a newcomer gets is the last live reading.
                Received lastLive = watcher.All.Last(r => r.Topic == baseTopic + "/sensor/bme280/temperature");
                using Observer late = Observer.Watch(broker, baseTopic + "/sensor/bme280/temperature");
                Received retained = late.WaitFor("the retained temperature", r => r.Retained, NodeUnderTest.Timeout);
                Assert.Equal(watcher.All.Last(r => r.Topic == baseTopic + "/sensor/bme280/temperature").Payload, retained.Payload);
                Assert.True(watcher.All.ToList().IndexOf(lastLive) > afterOnline, "published after the reconnect");

                using Observer lateHistory = Observer.Watch(broker, baseTopic + "/history");
                Thread.Sleep(1000);
                Assert.Equal(0, lateHistory.Count); // never retained
            }
            finally
            {
                watcher.Dispose();
                broker.Dispose();
                store.Delete(true);
            }
        }

        private static long SeqOf(Received message) => NumberOf(message, "seq");

        private static long UptimeOf(Received message) => NumberOf(message, "uptime_ms");

        private static long NumberOf(Received message, string property)
        {
            using JsonDocument json = JsonDocument.Parse(message.Payload);
            return json.RootElement.GetProperty(property).GetInt64();
        }

        private static (long, DateTime) UptimeAndTime(string payload)
        {
            using JsonDocument json = JsonDocument.Parse(payload);
            return (json.RootElement.GetProperty("uptime_ms").GetInt64(),
                DateTime.Parse(json.RootElement.GetProperty("time").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        }
    }
}
