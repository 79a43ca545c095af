using nanoFramework.TestFramework;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Mqtt
{
    [TestClass]
    public class SessionTests
    {
        [TestMethod]
        public static void Connect_leaves_an_offline_last_will_retained_at_qos1()
        {
            NodeHarness node = NodeHarness.Started();

            MqttConnectOptions options = node.Link.LastOptions;
            Assert.AreEqual("sensornode/node1/status", options.WillTopic);
            Assert.AreEqual("offline", Core.Text.Utf8.GetString(options.WillPayload));
            Assert.IsTrue(options.WillRetain);
            Assert.IsTrue(options.WillQos == MqttQos.AtLeastOnce);
            Assert.AreEqual("sensornode-node1", options.ClientId);
            Assert.AreEqual(60, options.KeepAliveSeconds);
        }

        [TestMethod]
        public static void Online_is_published_retained_at_qos1_right_after_connect_and_subscribe()
        {
            NodeHarness node = NodeHarness.Started();

            Assert.AreEqual("connect", (string)node.Link.Calls[0]);
            Assert.AreEqual("subscribe:sensornode/node1/config/set", (string)node.Link.Calls[1]);
            Assert.AreEqual("subscribe:sensornode/node1/actuator/+/set", (string)node.Link.Calls[2]);
            Assert.AreEqual("subscribe:homeassistant/status", (string)node.Link.Calls[3]);
            Assert.AreEqual("publish:sensornode/node1/status", (string)node.Link.Calls[4]);
            PublishedMessage status = (PublishedMessage)node.Link.Published[0];
            Assert.AreEqual("online", status.Payload);
            Assert.IsTrue(status.Retain);
            Assert.IsTrue(status.Qos == MqttQos.AtLeastOnce);
        }

        [TestMethod]
        public static void After_a_lost_connection_the_node_reconnects_and_announces_online_again()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();

            node.Link.Drop();
            node.Advance(10);

            Assert.AreEqual(2, node.Link.ConnectCount);
            Assert.AreEqual("online", node.LastPayload("/status"));
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void Failed_connects_back_off_exponentially_up_to_a_minute()
        {
            NodeHarness node = new NodeHarness();
            node.Link.AcceptConnect = false;
            node.Start();

            node.Node.Poll();
            Assert.AreEqual(1, node.Link.ConnectCount);
            node.Advance(999);
            Assert.AreEqual(1, node.Link.ConnectCount, "retried before the first 1 s delay");
            node.Advance(1);
            Assert.AreEqual(2, node.Link.ConnectCount);
            node.Advance(2000);
            Assert.AreEqual(3, node.Link.ConnectCount, "second delay is 2 s");
            for (int i = 0; i < 10; i++)
            {
                node.Advance(MqttSession.MaxRetryDelayMs);
            }

            int before = node.Link.ConnectCount;
            node.Advance(MqttSession.MaxRetryDelayMs - 1);
            Assert.AreEqual(before, node.Link.ConnectCount, "delay must be capped at, not below, 60 s");
            node.Advance(1);
            Assert.AreEqual(before + 1, node.Link.ConnectCount);

            node.Link.AcceptConnect = true;
            node.Advance(MqttSession.MaxRetryDelayMs);
            Assert.IsTrue(node.Node.IsOnline);
            Assert.IsFalse(node.Link.Published.Count == 0, "nothing published after the connect finally worked");
        }

        [TestMethod]
        public static void Orderly_stop_publishes_offline_retained_before_disconnecting()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.ClearRecorded();

            node.Node.Stop();

            int last = node.Link.Calls.Count - 1;
            Assert.AreEqual("publish:sensornode/node1/status", (string)node.Link.Calls[last - 1]);
            Assert.AreEqual("disconnect", (string)node.Link.Calls[last]);
            PublishedMessage offline = node.Link.Last("sensornode/node1/status");
            Assert.AreEqual("offline", offline.Payload);
            Assert.IsTrue(offline.Retain);
            Assert.IsTrue(offline.Qos == MqttQos.AtLeastOnce);
        }

        [TestMethod]
        public static void Network_is_joined_before_the_broker_with_configured_credentials()
        {
            NodeHarness node = new NodeHarness();
            node.Network.AcceptedSsid = "";
            node.Start();
            node.Node.Poll();

            Assert.AreEqual(1, node.Network.ConnectCount);
            Assert.AreEqual("", node.Network.JoinedSsid, "empty SSID means: the credentials the board has stored");
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void A_network_that_cannot_be_joined_is_retried_without_touching_the_broker()
        {
            NodeHarness node = new NodeHarness();
            node.Network.AcceptedSsid = "somewhere-else";
            node.Start();
            node.Node.Poll();

            Assert.AreEqual(0, node.Link.ConnectCount);
            Assert.IsTrue(node.Log.Contains("network"));
            node.Advance(1000);
            Assert.AreEqual(2, node.Network.ConnectCount);
        }

        [TestMethod]
        public static void Messages_beyond_the_inbox_capacity_are_counted_and_reported()
        {
            NodeHarness node = NodeHarness.Started();

            for (int i = 0; i < MessageInbox.DefaultCapacity + 3; i++)
            {
                node.Link.Deliver(node.Base + "/actuator/relay/set", "TOGGLE", false);
            }

            node.Node.Poll();

            Assert.Contains("\"type\":\"messages_dropped\"", node.LastEvent());
            Assert.Contains("3 message(s) dropped", node.LastEvent());
        }
    }
}
