using nanoFramework.TestFramework;
using SensorNode.Core.Connection;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Connection
{
    [TestClass]
    public class ConnectionSupervisorTests
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
        public static void After_connect_the_node_subscribes_says_online_and_sends_its_probe()
        {
            NodeHarness node = NodeHarness.Started();

            Assert.AreEqual("connect", (string)node.Link.Calls[0]);
            Assert.AreEqual("subscribe:sensornode/node1/config/set", (string)node.Link.Calls[1]);
            Assert.AreEqual("subscribe:sensornode/node1/actuator/+/set", (string)node.Link.Calls[2]);
            Assert.AreEqual("subscribe:homeassistant/status", (string)node.Link.Calls[3]);
            Assert.AreEqual("subscribe:sensornode/node1/probe", (string)node.Link.Calls[4]);
            Assert.AreEqual("publish:sensornode/node1/status", (string)node.Link.Calls[5]);
            Assert.AreEqual("publish:sensornode/node1/probe", (string)node.Link.Calls[6]);
            PublishedMessage status = (PublishedMessage)node.Link.Published[0];
            Assert.AreEqual("online", status.Payload);
            Assert.IsTrue(status.Retain);
            Assert.IsTrue(status.Qos == MqttQos.AtLeastOnce);
            PublishedMessage probe = (PublishedMessage)node.Link.Published[1];
            Assert.IsFalse(probe.Retain, "a retained probe would come back to the next connection too");
            Assert.IsTrue(node.Node.IsOnline, "the fake broker echoed the probe at once");
        }

        [TestMethod]
        public static void Parts_hear_of_the_connection_only_once_the_probe_is_back()
        {
            NodeHarness node = new NodeHarness();
            node.Link.EchoSubscribed = false; // the probe is on its way
            node.Start();
            node.Node.Poll();

            Assert.IsTrue(node.Node.ConnectionState == ConnectionState.Verifying);
            Assert.IsFalse(node.Node.IsOnline);
            Assert.IsNull(node.LastPayload("/actuator/relay/state"), "states are republished once the node is online, not before");

            PublishedMessage probe = node.Link.Last(node.Base + "/probe");
            node.Link.Deliver(probe.Topic, probe.Payload, false);
            node.Node.Poll();

            Assert.IsTrue(node.Node.IsOnline);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
        }

        [TestMethod]
        public static void The_probe_is_a_fresh_nonce_of_128_bits_and_only_the_current_one_counts_once()
        {
            NodeHarness node = new NodeHarness();
            node.Link.EchoSubscribed = false;
            node.Start();
            node.Node.Poll();
            string first = node.Link.Last(node.Base + "/probe").Payload;
            Assert.AreEqual(6 + 32, first.Length, first);
            Assert.IsTrue(first.StartsWith("probe "), first);

            // Copies of other probes and guesses of this one's form are ignored and counted; the node stays unverified.
            node.Link.Deliver(node.Base + "/probe", "probe 1 480", false);
            node.Link.Deliver(node.Base + "/probe", "probe 00000000000000000000000000000000", false);
            node.Link.Deliver(node.Base + "/probe", first + "\n", false);
            node.Link.Deliver(node.Base + "/probe", first.Substring(0, first.Length - 1), false);
            node.Node.Poll();
            Assert.IsTrue(node.Node.ConnectionState == ConnectionState.Verifying);
            Assert.IsTrue(node.Log.Contains("not this connection's probe"));

            node.Link.Deliver(node.Base + "/probe", first, false);
            node.Node.Poll();
            Assert.IsTrue(node.Node.IsOnline);

            // A reconnect sends a different probe; the old one, replayed, does not verify it.
            node.Link.Drop();
            node.Advance(60000);
            string second = node.Link.Last(node.Base + "/probe").Payload;
            Assert.AreNotEqual(first, second);
            node.Link.Deliver(node.Base + "/probe", first, false);
            node.Node.Poll();
            Assert.IsFalse(node.Node.IsOnline, "a replayed earlier probe verified a new connection");
            node.Link.Deliver(node.Base + "/probe", second, false);
            node.Node.Poll();
            Assert.IsTrue(node.Node.IsOnline);
            Assert.Contains("\"probes_ignored\":5", node.LastPayload("/diag")); // the diagnostics after connect

            node.Link.Deliver(node.Base + "/probe", second, false); // used once: a replay is ignored too
            node.Node.Poll();
            node.Advance(node.Node.Config.DiagIntervalSeconds * 1000L + 1000);
            Assert.Contains("\"probes_ignored\":6", node.LastPayload("/diag"));
        }

        [TestMethod]
        public static void A_probe_that_never_comes_back_means_unreachable_and_the_node_tries_again()
        {
            NodeHarness node = new NodeHarness();
            node.Link.DenyPublishUnder = "sensornode/node1/probe"; // an ACL that drops the node's publishes
            node.Start();
            node.Node.Poll();

            node.Advance(ConnectionSupervisor.ProbeTimeoutMs - 1);
            Assert.IsTrue(node.Node.ConnectionState == ConnectionState.Verifying);
            Assert.AreEqual(0, node.Link.DisconnectCount);

            node.Advance(1);
            Assert.IsTrue(node.Node.ConnectionState == ConnectionState.Waiting || node.Node.ConnectionState == ConnectionState.Verifying);
            Assert.AreEqual(1, node.Link.DisconnectCount, "an unreachable connection is closed");
            Assert.Contains("probe", node.Node.LastError);
            Assert.IsTrue(node.Log.Contains("did not come back"));
            Assert.IsTrue(node.Link.ConnectCount >= 2 || node.Node.ConnectionState == ConnectionState.Waiting, "and tried again");
        }

        [TestMethod]
        public static void A_refused_subscription_is_reported_as_unreachable()
        {
            NodeHarness node = new NodeHarness();
            node.Link.DenySubscribeUnder = "sensornode/node1/actuator";
            node.Random.Top = true;
            node.Start();
            node.Advance(ReconnectBackoff.BootWindowMs);

            Assert.IsFalse(node.Node.IsOnline);
            Assert.Contains("subscribe to sensornode/node1/actuator/+/set failed", node.Node.LastError);
            Assert.AreEqual(1, node.Link.DisconnectCount);
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
        public static void The_first_attempt_after_boot_is_jittered_within_a_second()
        {
            NodeHarness node = new NodeHarness();
            node.Random.Top = true;
            node.Start();

            node.Node.Poll();
            node.Advance(ReconnectBackoff.BootWindowMs - 2);
            Assert.AreEqual(0, node.Link.ConnectCount, "the window's top is 999 ms");
            node.Advance(1);
            Assert.AreEqual(1, node.Link.ConnectCount);
            Assert.AreEqual(ReconnectBackoff.BootWindowMs, (int)node.Random.Asked[0]);
        }

        [TestMethod]
        public static void Failed_connects_draw_their_delay_from_a_window_doubling_to_30_s()
        {
            NodeHarness node = new NodeHarness();
            node.Link.AcceptConnect = false;
            node.Random.Top = true;
            node.Start();
            node.Advance(ReconnectBackoff.BootWindowMs);
            Assert.AreEqual(1, node.Link.ConnectCount);

            int[] windows = { 1000, 2000, 4000, 8000, 16000, 30000, 30000 };
            for (int i = 0; i < windows.Length; i++)
            {
                Assert.AreEqual(windows[i], (int)node.Random.Asked[i + 1], "window of retry " + (i + 1));
                int before = node.Link.ConnectCount;
                node.Advance(windows[i] - 2);
                Assert.AreEqual(before, node.Link.ConnectCount, "retried before the drawn delay");
                node.Advance(1);
                Assert.AreEqual(before + 1, node.Link.ConnectCount, "not retried at the drawn delay");
            }

            Assert.IsTrue(node.Log.Contains("next try in 29999 ms"));
            node.Link.AcceptConnect = true;
            node.Advance(ReconnectBackoff.CapMs);
            Assert.IsTrue(node.Node.IsOnline);
        }

        [TestMethod]
        public static void Without_a_jitter_draw_a_failed_connect_is_retried_at_once_but_never_inside_the_same_poll()
        {
            NodeHarness node = new NodeHarness();
            node.Link.AcceptConnect = false;
            node.Start();

            node.Node.Poll();
            Assert.AreEqual(1, node.Link.ConnectCount, "one attempt per poll: the loop never spins on a failing broker");
            node.Node.Poll();
            Assert.AreEqual(2, node.Link.ConnectCount);
        }

        [TestMethod]
        public static void A_connection_that_held_starts_the_back_off_from_the_first_window_again()
        {
            NodeHarness node = NodeHarness.Started();
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            for (int i = 0; i < 5; i++)
            {
                node.Advance(10);
            }

            Assert.IsTrue(LastWindow(node) >= ReconnectBackoff.FirstWindowMs * 8, "failures in a row widen the window");
            node.Link.AcceptConnect = true;
            node.Advance(10);
            Assert.IsTrue(node.Node.IsOnline);
            node.Advance(ConnectionSupervisor.StableAfterMs);
            node.Link.Drop();
            node.Advance(1);

            Assert.AreEqual(ReconnectBackoff.FirstWindowMs, LastWindow(node), "the loss after a stable connection draws from the first window again");
        }

        [TestMethod]
        public static void Connections_dropped_right_after_connect_are_reported_as_a_likely_duplicate_client_id()
        {
            NodeHarness node = NodeHarness.Started();
            for (int i = 0; i < ConnectionSupervisor.FlapsBeforeWarning; i++)
            {
                node.Advance(1000);
                node.Link.Drop(); // another client took the id: the broker closes this connection
                node.Advance(10);
            }

            Assert.IsTrue(node.Node.IsOnline);
            Assert.Contains("\"type\":\"connection_flapping\"", node.LastEvent());
            Assert.Contains("sensornode-node1", node.LastEvent());
            Assert.IsTrue(node.Log.Contains("another client"));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "connection_flapping"), "said once per streak");
            Assert.AreEqual(ReconnectBackoff.FirstWindowMs * 4, LastWindow(node), "short connections do not reset the back-off: 1, 2, then 4 s");
        }

        [TestMethod]
        public static void Outputs_keep_time_while_a_connect_hangs()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":5000}");
            Assert.IsTrue(node.Relay.IsOn);

            // The broker goes away; the next CONNECT hangs on the connect thread (here: until Finish).
            FakeConnectRunner hanging = node.Connector;
            hanging.Hold = true;
            node.Link.Drop();
            node.Advance(10);
            Assert.IsTrue(node.Node.ConnectionState == ConnectionState.Connecting);
            Assert.IsNotNull(hanging.Pending);

            node.Advance(4980);
            Assert.IsTrue(node.Relay.IsOn);
            Assert.AreEqual(10, node.Node.Poll(), "the loop wakes when the pulse ends, connect or no connect");
            node.Advance(10);
            Assert.IsFalse(node.Relay.IsOn, "the pulse ended on time while the connect hung");

            hanging.Finish();
            node.Node.Poll();
            Assert.IsTrue(node.Node.IsOnline);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"), "the state is republished after the connect");
        }

        [TestMethod]
        public static void The_connect_thread_connects_and_wakes_the_main_loop()
        {
            NodeHarness node = new NodeHarness();
            node.RealConnectThread = true;
            node.Start();

            for (int turn = 0; turn < 50 && !node.Node.IsOnline; turn++)
            {
                node.Node.Poll();
                node.Node.WaitForWork(100);
            }

            Assert.IsTrue(node.Node.IsOnline, "not online after 50 turns of the loop");
            Assert.IsFalse(object.ReferenceEquals(node.Link.ConnectThread, System.Threading.Thread.CurrentThread), "CONNECT ran on the main loop");
            node.Node.Stop();
            Assert.AreEqual("offline", node.LastPayload("/status"));
        }

        [TestMethod]
        public static void Stopping_while_a_connect_hangs_leaves_outputs_safe_and_the_attempt_leaves_the_broker_in_order()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/relay/set", "ON");
            FakeConnectRunner hanging = node.Connector;
            hanging.Hold = true;
            node.Link.Drop();
            node.Advance(10);
            node.Link.ClearRecorded();

            node.Node.Stop();
            Assert.IsFalse(node.Relay.IsOn, "safe state at once, not after the connect");
            Assert.IsTrue(hanging.Stopped);
            Assert.AreEqual(0, node.Link.Calls.Count, "the main loop keeps its hands off the link while the attempt runs");

            hanging.Finish(); // the CONNECT finally succeeds after the node stopped
            int last = node.Link.Calls.Count - 1;
            Assert.AreEqual("publish:sensornode/node1/status", (string)node.Link.Calls[last - 1]);
            Assert.AreEqual("disconnect", (string)node.Link.Calls[last]);
            Assert.AreEqual("offline", node.LastPayload("/status"));
        }

        [TestMethod]
        public static void A_busy_node_whose_path_went_silent_finds_out_with_its_probe_within_a_keep_alive_and_a_half()
        {
            NodeHarness node = NodeHarness.Started(); // readings every 30 s: more often than the 60 s keep-alive, so the client never pings
            node.Link.EchoSubscribed = false; // the path goes silent: publishes vanish, nothing comes back
            string probeTopic = node.Base + "/probe";
            int probesBefore = node.Link.CountOn(probeTopic);

            for (int s = 0; s < 59; s++)
            {
                node.Advance(1000);
            }

            Assert.AreEqual(probesBefore, node.Link.CountOn(probeTopic), "probed before a keep-alive without a word");
            node.Advance(1000); // 60 s: the reading of this poll goes out after the supervisor looked
            node.Advance(1000);
            Assert.AreEqual(probesBefore + 1, node.Link.CountOn(probeTopic), "no probe after a keep-alive of silence while publishing");
            Assert.IsTrue(node.Node.IsOnline);

            node.Advance(9999);
            Assert.IsTrue(node.Node.IsOnline, "gave up before half a keep-alive (capped at 10 s)");
            Assert.AreEqual(0, node.Link.DisconnectCount);
            node.Advance(1);

            Assert.AreEqual(1, node.Link.DisconnectCount, "a silent connection is dropped");
            Assert.IsTrue(node.Log.Contains("the path is silent"));
        }

        [TestMethod]
        public static void A_busy_node_on_a_live_path_probes_once_a_keep_alive_and_stays_online()
        {
            NodeHarness node = NodeHarness.Started();
            string probeTopic = node.Base + "/probe";
            int probesBefore = node.Link.CountOn(probeTopic);

            for (int s = 0; s < 600; s++)
            {
                node.Advance(1000);
            }

            Assert.IsTrue(node.Node.IsOnline);
            Assert.AreEqual(1, node.Link.ConnectCount);
            int probes = node.Link.CountOn(probeTopic) - probesBefore;
            Assert.IsTrue(probes >= 9 && probes <= 10, "probes in 10 min with a 60 s keep-alive: " + probes);
        }

        [TestMethod]
        public static void A_node_that_publishes_less_often_than_its_keep_alive_never_probes()
        {
            NodeHarness node = new NodeHarness();
            node.FirmwareDefaults = true; // report by exception: steady readings go out every 20 min
            node.Start();
            node.Node.Poll();
            string probeTopic = node.Base + "/probe";
            int probesBefore = node.Link.CountOn(probeTopic);
            node.Link.EchoSubscribed = false;

            for (int s = 0; s < 3600; s += 5)
            {
                node.Advance(5000);
            }

            Assert.AreEqual(probesBefore, node.Link.CountOn(probeTopic), "the client's own PINGREQ covers a quiet node: probes cost bytes");
            Assert.IsTrue(node.Node.IsOnline);
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

        private static int LastWindow(NodeHarness node)
        {
            return (int)node.Random.Asked[node.Random.Asked.Count - 1];
        }
    }
}
