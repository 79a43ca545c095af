using System.Collections;
using SensorNode.Core.Discovery;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Soak
{
    /// <summary>
    /// A node composed as Program.cs composes it on the board: SensorFinder scans a fake I2C bus with the chip
    /// table and finds a BME280 at 0x76 and a BMP280 at 0x77 (register-level fake chips), read through fake
    /// bindings behind the core's id probe and guard; outputs "relay" and "led"; an in-memory broker link. <see cref="TakeBatch"/> hands the test what one step published, keyed by
    /// topic below the node's base, whichever base the node used at the time.
    /// </summary>
    public sealed class SoakNode
    {
        public const string FirstPrefix = "sensornode";
        public const string SecondPrefix = "soak";
        public readonly FakeMqttLink Link = new FakeMqttLink();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeBoschChip Bme280 = new FakeBoschChip(BoschFamily.Bme280Id);
        public readonly FakeBoschChip Bmp280 = new FakeBoschChip(BoschFamily.Bmp280Id);
        public readonly FakeI2cBus Bus = new FakeI2cBus();
        public readonly FakeChipBindings Bindings = new FakeChipBindings();
        public readonly FakeOutput Relay = new FakeOutput();
        public readonly FakeOutput Led = new FakeOutput();
        public readonly ListLog Log = new ListLog();

        /// <summary>Every message of every batch taken so far, for the totals.</summary>
        public readonly Batch All = new Batch();
        public Node Node;

        public SoakNode Start()
        {
            Bus.Attach(0x76, Bme280).Attach(0x77, Bmp280);
            ConfigStore store = new ConfigStore(new MemorySettingsStore());
            Node = new Node(store.LoadOrDefault(NodeHarness.EveryReading(new NodeConfig(NodeHarness.NodeId))), store, Link, new FakeNetwork(), new FakeBoardHealth(), Clock, Log);
            Node.UseConnectRunner(new FakeConnectRunner());
            Node.UseRandom(new FakeRandom());
            foreach (ISensor sensor in SensorFinder.Find(Bus, ChipTable.All(), Bindings, Clock, Log))
            {
                Node.AddSensor(sensor);
            }

            Node.AddActuator("relay", Relay, false);
            Node.AddActuator("led", Led, false);
            NodeHarness.AddOwnParts(Node);
            Node.AddPart(new HomeAssistantDiscovery(Node.Context));
            Node.Start();
            return this;
        }

        /// <summary>Delivers a message to "{base}{suffix}" as the broker would and lets the node handle it.</summary>
        public void Send(string suffix, string payload, bool retained)
        {
            Link.Deliver(Node.Topics.Base + suffix, payload, retained);
            Node.Poll();
        }

        public void Advance(long ms)
        {
            Clock.Now += ms;
            Node.Poll();
        }

        /// <summary>What was published since the last call, as (suffix below the base, payload) pairs.</summary>
        public Batch TakeBatch()
        {
            Batch batch = new Batch();
            foreach (PublishedMessage message in Link.Published)
            {
                if (message.Topic.IndexOf("/probe") > 0)
                {
                    continue; // the connection's own keep-alive (a busy node probes once a keep-alive), not what the node says
                }

                batch.Add(Suffix(message.Topic), message.Payload);
                All.Add(Suffix(message.Topic), message.Payload);
            }

            Link.ClearRecorded();
            Log.Lines.Clear();
            return batch;
        }

        private static string Suffix(string topic)
        {
            string first = FirstPrefix + "/" + NodeHarness.NodeId;
            string second = SecondPrefix + "/" + NodeHarness.NodeId;
            if (topic.StartsWith(first + "/"))
            {
                return topic.Substring(first.Length);
            }

            return topic.StartsWith(second + "/") ? topic.Substring(second.Length) : topic;
        }
    }
}
