using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Actuators
{
    /// <summary>An output's maximum on-time and its safe state after the broker was unreachable too long.</summary>
    [TestClass]
    public class FailsafeTests
    {
        [TestMethod]
        public static void Max_on_switches_off_whatever_commands()
        {
            NodeHarness node = new NodeHarness();
            node.RelayMaxOnSeconds = 60;
            node.Clock.TimeKnown = true;
            node.Start().Node.Poll();

            node.Send("/actuator/relay/set", "ON");
            node.Advance(30000);
            node.Send("/actuator/relay/set", "ON"); // no new start: the limit counts from when it went on
            node.Advance(29500);
            Assert.AreEqual(500, node.Node.Poll());
            node.Advance(499);
            Assert.IsTrue(node.Relay.IsOn);

            node.Advance(1);
            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
            string failsafe = node.LastEvent();
            Assert.Contains("\"type\":\"failsafe\"", failsafe);
            Assert.Contains("\"topic\":\"sensornode/node1/actuator/relay/state\"", failsafe);
            Assert.Contains("relay max_on at 2026-11-24T08:31:15Z (uptime_ms 60000)", failsafe);

            node.Send("/actuator/relay/set", "TOGGLE"); // off, then on again: a new count
            Assert.IsTrue(node.Relay.IsOn);
            node.Advance(59999);
            Assert.IsTrue(node.Relay.IsOn);
            node.Advance(1);
            Assert.IsFalse(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Max_on_offline_reported_when_back()
        {
            NodeHarness node = new NodeHarness();
            node.RelayMaxOnSeconds = 10;
            node.Start().Node.Poll();
            node.Send("/actuator/relay/set", "ON");
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Advance(10000);
            Assert.IsFalse(node.Relay.IsOn); // the limit holds without the broker

            node.Link.ClearRecorded();
            node.Link.AcceptConnect = true;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Advance(1000);
            }

            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "relay max_on at (uptime_ms 10000)"));
            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
        }

        [TestMethod]
        public static void Max_on_cuts_a_longer_pulse()
        {
            NodeHarness node = new NodeHarness();
            node.RelayMaxOnSeconds = 10;
            node.Start().Node.Poll();

            node.Send("/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":60000}");
            node.Advance(10000);
            Assert.IsFalse(node.Relay.IsOn);
            node.Advance(60000);
            Assert.IsFalse(node.Relay.IsOn);
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "relay max_on"));
        }

        [TestMethod]
        public static void Max_on_counts_from_back_on()
        {
            NodeHarness node = new NodeHarness();
            node.RelayMaxOnSeconds = 10;
            node.Start().Node.Poll();

            node.Send("/actuator/relay/set", "ON");
            node.Advance(5000);
            node.Send("/actuator/relay/set", "{\"state\":\"OFF\",\"for_ms\":3000}");
            node.Advance(3000);
            Assert.IsTrue(node.Relay.IsOn);
            node.Advance(9999);
            Assert.IsTrue(node.Relay.IsOn);
            node.Advance(1);
            Assert.IsFalse(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Dimmer_above_0_counts_as_on()
        {
            NodeHarness node = new NodeHarness();
            node.Strip = new FakeDimmer();
            node.StripMaxOnSeconds = 10;
            node.Start().Node.Poll();

            node.Send("/actuator/strip/set", "40%");
            node.Advance(5000);
            node.Send("/actuator/strip/set", "70%"); // another level while on: still the same on-time
            node.Advance(5000);
            Assert.AreEqual(0, node.Strip.Level);
            Assert.AreEqual("{\"state\":\"OFF\",\"level\":0}", node.LastPayload("/actuator/strip/state"));
        }

        [TestMethod]
        public static void Offline_too_long_goes_safe_reported_later()
        {
            NodeHarness node = new NodeHarness();
            node.RelayOfflineSafeSeconds = 30;
            node.Start().Node.Poll();
            node.Send("/actuator/relay/set", "ON");
            node.Send("/actuator/led/set", "ON");

            node.Clock.Now = 1000;
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Node.Poll(); // the loss is seen at 1000
            node.Advance(29999);
            Assert.IsTrue(node.Relay.IsOn);
            Assert.IsTrue(node.Node.Poll() <= 1);
            node.Advance(1);
            Assert.IsFalse(node.Relay.IsOn);
            Assert.IsTrue(node.Led.IsOn);

            node.Link.ClearRecorded();
            node.Link.AcceptConnect = true;
            for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
            {
                node.Advance(1000);
            }

            Assert.AreEqual("OFF", node.LastPayload("/actuator/relay/state"));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "\"type\":\"failsafe\""));
            Assert.AreEqual(1, node.Link.CountContaining(node.Base + "/event", "relay offline_safe at (uptime_ms 31000): broker unreachable for 30 s (offline since uptime_ms 1000)"));
        }

        [TestMethod]
        public static void Offline_safe_once_per_outage()
        {
            NodeHarness node = new NodeHarness();
            node.RelayOfflineSafeSeconds = 5;
            node.Start().Node.Poll();
            for (int outage = 0; outage < 2; outage++)
            {
                node.Send("/actuator/relay/set", "ON");
                node.Link.AcceptConnect = false;
                node.Link.Drop();
                node.Node.Poll();
                node.Advance(5000);
                Assert.IsFalse(node.Relay.IsOn, "outage " + outage);
                node.Link.AcceptConnect = true;
                for (int i = 0; i < 120 && !node.Node.IsOnline; i++)
                {
                    node.Advance(1000);
                }
            }

            Assert.AreEqual(2, node.Link.CountContaining(node.Base + "/event", "relay offline_safe"));
        }

        [TestMethod]
        public static void No_failsafe_keeps_state()
        {
            NodeHarness node = NodeHarness.Started();
            node.Send("/actuator/relay/set", "ON");
            node.Link.AcceptConnect = false;
            node.Link.Drop();
            node.Advance(3600000);
            Assert.IsTrue(node.Relay.IsOn);
        }

        [TestMethod]
        public static void Impossible_failsafes_refused_at_start()
        {
            AssertRefused(OutputSpec.Switch("pump", 26, true, false, false), -1, 0, "on-time -1 s must");
            AssertRefused(OutputSpec.Switch("pump", 26, true, false, false), 0, 86401, "safe state 86401 s must");
            AssertRefused(OutputSpec.Switch("fan", 27, true, false, true), 60, 0, "needs a safe state of OFF");

            OutputSpec pump = OutputSpec.Switch("pump", 26, true, false, false).WithFailsafe(600, 120);
            Assert.AreEqual(600, pump.MaxOnSeconds);
            Assert.AreEqual(120, pump.OfflineSafeSeconds);
            Assert.AreEqual(26, pump.Gpio);

            NodeHarness node = new NodeHarness();
            node.RelayMaxOnSeconds = 90000;
            try
            {
                node.Start();
                Assert.IsTrue(false); // a node with an impossible failsafe must not start
            }
            catch (ArgumentException ex)
            {
                Assert.AreEqual("output relay: maximum on-time 90000 s must be 0 (none) or 1 to 86400 s", ex.Message);
            }
        }

        private static void AssertRefused(OutputSpec spec, int maxOnSeconds, int offlineSafeSeconds, string reason)
        {
            try
            {
                spec.WithFailsafe(maxOnSeconds, offlineSafeSeconds);
            }
            catch (ArgumentException ex)
            {
                Assert.Contains(reason, ex.Message);
                return;
            }

            Assert.IsTrue(false, "accepted: " + reason);
        }
    }
}
