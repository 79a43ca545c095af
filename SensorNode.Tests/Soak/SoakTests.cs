using nanoFramework.TestFramework;
using SensorNode.Core.Events;

namespace SensorNode.Tests.Soak
{
    /// <summary>
    /// The device path end to end for 240 telemetry cycles: the core's chip search, probes and guard over a fake
    /// bus of register-level chips, commands
    /// good and bad, configuration changes (one that reconnects under a new prefix), a sensor that drops off the
    /// bus and one whose conversions hang, both recovering. Every step's messages are checked as they come, and
    /// the totals at the end show that no cycle, reading, state or event was lost or doubled. It runs in both
    /// launchers; in nanoCLR it is the device's steady state under the real runtime.
    /// </summary>
    [TestClass]
    public class SoakTests
    {
        private const int Cycles = 240;
        private const int BmeNackFrom = 60;
        private const int BmeNackUntil = 64;
        private const int BmpFrozenFrom = 100;
        private const int BmpFrozenUntil = 107;
        private const int BmpStuckFrom = BmpFrozenFrom + 4; // the fifth identical reading is reported stuck
        private const int IntervalChangeAt = 80;
        private const int BadConfigAt = 120;
        private const int PrefixChangeAt = 160;

        [TestMethod]
        public static void Two_hundred_forty_cycles_with_commands_faults_and_config_changes_lose_nothing()
        {
            SoakNode node = new SoakNode().Start();
            SetReadings(node, 1);
            node.Node.Poll();
            Batch boot = node.TakeBatch();
            Assert.AreEqual("online", boot.Single("/status"));
            CheckCycle(boot, 1);

            bool relayOn = false;
            int relayStates = 1; // the boot announcement
            int rejected = 0;
            int ignored = 0;
            long intervalMs = 30000;
            for (int cycle = 2; cycle <= Cycles; cycle++)
            {
                bool pulseRunning = false;
                bool stateAfterPulse = false;
                int command = cycle % 10;
                if (command == 1 || command == 3 || command == 5)
                {
                    string text = command == 1 ? "ON" : command == 3 ? "OFF" : "toggle";
                    relayOn = command == 1 || (command == 5 && !relayOn);
                    node.Send("/actuator/relay/set", text, false);
                    ExpectRelayState(node, relayOn, cycle);
                    relayStates++;
                }
                else if (command == 4 || command == 7)
                {
                    // After the OFF of step 3 the pulse ends in a change; after the toggle of step 5 it does not.
                    stateAfterPulse = relayOn;
                    pulseRunning = true;
                    relayOn = true;
                    node.Send("/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":5000}", false);
                    ExpectRelayState(node, true, cycle);
                    relayStates++;
                }
                else if (command == 9 && cycle % 20 == 9)
                {
                    SendBadInput(node, (cycle / 20) % 5, cycle, ref rejected, ref ignored);
                }

                if (cycle % 30 == 0)
                {
                    bool ledWasOn = node.Led.IsOn;
                    node.Send("/actuator/led/set", "TOGGLE", false);
                    Assert.AreEqual(!ledWasOn, node.Led.IsOn, "led toggled in cycle " + cycle);
                    Assert.AreEqual(ledWasOn ? "OFF" : "ON", node.TakeBatch().Single("/actuator/led/state"));
                }

                long nextIntervalMs = ChangeConfig(node, cycle, intervalMs); // due from the cycle after this one
                SetReadings(node, cycle);
                node.Advance(intervalMs);
                intervalMs = nextIntervalMs;
                Batch batch = node.TakeBatch();
                CheckCycle(batch, cycle);
                if (cycle == PrefixChangeAt)
                {
                    // Reconnected under the new prefix: online, config kept, every state announced again.
                    Assert.AreEqual("online", batch.Single("/status"));
                    Assert.AreEqual(1, batch.Events(EventTypes.ConfigApplied), "trial ended in cycle " + cycle);
                    Assert.AreEqual(relayOn ? "ON" : "OFF", batch.Single("/actuator/relay/state"));
                    relayStates++;
                }
                else if (pulseRunning)
                {
                    relayOn = stateAfterPulse;
                    Assert.AreEqual(relayOn, node.Relay.IsOn, "pulse ended in cycle " + cycle);
                    Assert.AreEqual(stateAfterPulse ? null : "OFF", batch.Single("/actuator/relay/state"), "pulse end reported once, only as a change");
                    relayStates += stateAfterPulse ? 0 : 1;
                }
                else
                {
                    Assert.AreEqual(0, batch.CountOn("/actuator/relay/state"), "no relay state without a command in cycle " + cycle);
                }
            }

            // The totals: nothing lost, nothing doubled.
            Batch all = node.All;
            Assert.AreEqual(Cycles, (int)node.Node.Telemetry.Sequence);
            Assert.AreEqual(Cycles, all.CountOn("/state"), "one snapshot per cycle");
            Assert.AreEqual(Cycles - (BmeNackUntil - BmeNackFrom + 1), all.CountOn("/sensor/bme280/temperature"));
            Assert.AreEqual(Cycles - (BmpFrozenUntil - BmpStuckFrom + 1), all.CountOn("/sensor/bmp280/pressure"));
            Assert.AreEqual(relayStates, all.CountOn("/actuator/relay/state"), "relay states: boot, commands, pulse ends, reconnect");
            Assert.AreEqual(2, all.Events(EventTypes.SensorError));
            Assert.AreEqual(2, all.Events(EventTypes.SensorRecovered));
            Assert.AreEqual(10, rejected);
            Assert.AreEqual(rejected, all.Events(EventTypes.CommandRejected));
            Assert.AreEqual(2, ignored);
            Assert.AreEqual(ignored, all.Events(EventTypes.CommandIgnored));
            Assert.AreEqual(1, all.Events(EventTypes.ConfigRejected));
            Assert.AreEqual(1, all.Events(EventTypes.ConfigTrial));
            Assert.AreEqual(2, all.Events(EventTypes.ConfigApplied));
            Assert.AreEqual(0, all.Events(EventTypes.ConfigReverted));
            Assert.AreEqual(0, all.Events(EventTypes.MessagesDropped));
            Assert.AreEqual(2, all.CountOn("/status") - 1, "online at boot and after the reconnect, offline once in between");
            Assert.IsTrue(node.Node.IsOnline);
        }

        /// <summary>Readings that differ from cycle to cycle, exact in binary, so the published text is known.</summary>
        private static void SetReadings(SoakNode node, int cycle)
        {
            double[] bme = node.Bindings.At(0x76).Values;
            bme[0] = BmeTemperatureCents(cycle) / 100.0;
            bme[1] = 40 + (cycle % 20) * 0.5;
            bme[2] = 1013.25;
            node.Bme280.Nack = cycle >= BmeNackFrom && cycle <= BmeNackUntil;

            double[] bmp = node.Bindings.At(0x77).Values;
            bmp[0] = 21.5;
            bmp[1] = BmpPressureCents(cycle) / 100.0;
        }

        private static int BmeTemperatureCents(int cycle)
        {
            return 1825 + (cycle % 40) * 25;
        }

        private static int BmpPressureCents(int cycle)
        {
            int frozen = cycle >= BmpFrozenFrom && cycle <= BmpFrozenUntil ? BmpFrozenFrom : cycle;
            return 100000 + (frozen % 64) * 50;
        }

        /// <summary>One snapshot with the next sequence number, and exactly the readings of the sensors that are well.</summary>
        private static void CheckCycle(Batch batch, int cycle)
        {
            string snapshot = batch.Single("/state");
            Assert.IsNotNull(snapshot, "no snapshot in cycle " + cycle);
            Assert.StartsWith("{\"seq\":" + cycle + ",", snapshot, "cycle " + cycle);

            bool bmeFailing = cycle >= BmeNackFrom && cycle <= BmeNackUntil;
            Assert.AreEqual(bmeFailing ? null : Fixed(BmeTemperatureCents(cycle)), batch.Single("/sensor/bme280/temperature"), "bme280 in cycle " + cycle);
            Assert.AreEqual(bmeFailing ? 0 : 1, batch.CountOn("/sensor/bme280/humidity"), "bme280 humidity in cycle " + cycle);
            Assert.AreEqual(bmeFailing ? 0 : 1, batch.CountOn("/sensor/bme280/pressure"), "bme280 pressure in cycle " + cycle);
            int errors = (cycle == BmeNackFrom ? 1 : 0) + (cycle == BmpStuckFrom ? 1 : 0);
            Assert.AreEqual(errors, batch.Events(EventTypes.SensorError), "sensor errors in cycle " + cycle);

            bool bmpStuck = cycle >= BmpStuckFrom && cycle <= BmpFrozenUntil;
            Assert.AreEqual(bmpStuck ? null : Fixed(BmpPressureCents(cycle)), batch.Single("/sensor/bmp280/pressure"), "bmp280 in cycle " + cycle);
            Assert.AreEqual(bmpStuck ? null : "21.50", batch.Single("/sensor/bmp280/temperature"), "bmp280 temperature in cycle " + cycle);

            int recoveries = (cycle == BmeNackUntil + 1 ? 1 : 0) + (cycle == BmpFrozenUntil + 1 ? 1 : 0);
            Assert.AreEqual(recoveries, batch.Events(EventTypes.SensorRecovered), "recoveries in cycle " + cycle);
            Assert.AreEqual(0, batch.Events(EventTypes.MessagesDropped), "nothing dropped in cycle " + cycle);
            if (bmeFailing)
            {
                Assert.Contains("\"bme280\":{\"error\":\"I2C 0x76: address not acknowledged\"}", snapshot);
            }

            if (bmpStuck)
            {
                Assert.Contains("\"bmp280\":{\"error\":\"I2C 0x77: the last 5 readings are identical; conversions stuck\"}", snapshot);
            }
        }

        private static void ExpectRelayState(SoakNode node, bool on, int cycle)
        {
            Batch batch = node.TakeBatch();
            Assert.AreEqual(on, node.Relay.IsOn, "relay pin in cycle " + cycle);
            Assert.AreEqual(on ? "ON" : "OFF", batch.Single("/actuator/relay/state"), "relay state in cycle " + cycle);
            Assert.AreEqual(0, batch.CountOn("/event"), "no event for a good command in cycle " + cycle);
        }

        /// <summary>Each bad input gets exactly one event of its kind and leaves the outputs alone.</summary>
        private static void SendBadInput(SoakNode node, int kind, int cycle, ref int rejected, ref int ignored)
        {
            bool relayWasOn = node.Relay.IsOn;
            string expectedType = EventTypes.CommandRejected;
            string expectedText;
            switch (kind)
            {
                case 0:
                    node.Send("/actuator/relay/set", "FLY", false);
                    expectedText = "unknown command 'FLY'";
                    break;
                case 1:
                    node.Send("/actuator/relay/set", "{\"state\":\"ON\"", false);
                    expectedText = "malformed JSON";
                    break;
                case 2:
                    node.Send("/actuator/relay/set", new string('X', 300), false);
                    expectedText = "payload of 300 bytes exceeds the 256-byte limit";
                    break;
                case 3:
                    node.Send("/actuator/pump/set", "ON", false);
                    expectedText = "unknown actuator \\\"pump\\\"";
                    break;
                default:
                    node.Send("/actuator/relay/set", "ON", true);
                    expectedType = EventTypes.CommandIgnored;
                    expectedText = "retained command ignored";
                    break;
            }

            Batch batch = node.TakeBatch();
            Assert.AreEqual(1, batch.Count, "one message for bad input " + kind + " in cycle " + cycle);
            Assert.AreEqual(1, batch.Events(expectedType), "event type for bad input " + kind + " in cycle " + cycle);
            Assert.Contains(expectedText, batch.Single("/event"));
            Assert.AreEqual(relayWasOn, node.Relay.IsOn, "bad input " + kind + " left the relay alone");
            if (expectedType == EventTypes.CommandIgnored)
            {
                ignored++;
            }
            else
            {
                rejected++;
            }
        }

        /// <summary>A new interval, a bad config and a new prefix, each answered by its event; returns the interval now in force.</summary>
        private static long ChangeConfig(SoakNode node, int cycle, long intervalMs)
        {
            if (cycle == IntervalChangeAt)
            {
                node.Send("/config/set", "{\"interval_s\":10}", false);
                Batch batch = node.TakeBatch();
                Assert.AreEqual(1, batch.Events(EventTypes.ConfigApplied));
                Assert.Contains("\"interval_s\":10", batch.Single("/config"));
                return 10000;
            }

            if (cycle == BadConfigAt)
            {
                node.Send("/config/set", "{\"interval_s\":\"often\"}", false);
                Batch batch = node.TakeBatch();
                Assert.AreEqual(1, batch.Count, "only the rejection");
                Assert.AreEqual(1, batch.Events(EventTypes.ConfigRejected));
                Assert.AreEqual(10, node.Node.Config.PublishIntervalSeconds);
            }

            if (cycle == PrefixChangeAt)
            {
                node.Send("/config/set", "{\"topic_prefix\":\"" + SoakNode.SecondPrefix + "\"}", false);
                Batch batch = node.TakeBatch();
                Assert.AreEqual(1, batch.Events(EventTypes.ConfigTrial));
                Assert.AreEqual("offline", batch.Single("/status"), "the old base left in order");
                Assert.AreEqual(SoakNode.SecondPrefix + "/" + NodeHarness.NodeId, node.Node.Topics.Base);
            }

            return intervalMs;
        }

        private static string Fixed(int cents)
        {
            int fraction = cents % 100;
            return (cents / 100).ToString() + "." + (fraction < 10 ? "0" : "") + fraction.ToString();
        }
    }
}
