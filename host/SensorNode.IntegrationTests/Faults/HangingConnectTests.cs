using System;
using System.Diagnostics;
using System.Linq;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Faults
{
    /// <summary>
    /// A broker that accepts TCP and never answers: every connect attempt hangs until the link's CONNECT timeout
    /// (10 s). Outputs must keep their time meanwhile and a stop must be orderly at any moment.
    /// </summary>
    public class HangingConnectTests
    {
        /// <summary>
        /// The issue asks ±100 ms on the host; a busy 2-core CI machine gets 300 ms. A main loop that waits in a
        /// connect overruns by seconds (a 5 s pulse lasted 23.5 s), far outside either.
        /// </summary>
        private static readonly TimeSpan PulseSlack = TimeSpan.FromMilliseconds(300);

        /// <summary>From SIGTERM to exit: outputs safe and the process gone, without waiting out a hanging connect (10 s).</summary>
        private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(5);

        /// <summary>Long enough for a main loop blocked in connect (10 s per attempt) to show as an overrun, not a timeout.</summary>
        private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        private readonly ITestOutputHelper _output;

        public HangingConnectTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void A_pulse_ends_on_time_while_reconnect_attempts_hang_in_connect()
        {
            using NodeBehindProxy world = NodeBehindProxy.Online();
            const int PulseMs = 5000;
            int consoleBefore = world.Simulator.Lines.Length;
            world.Watcher.Publish(world.Base + "/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":" + PulseMs + "}");
            string on = world.Simulator.WaitForLine("relay ON", l => l.Contains("output relay is ON"), NodeUnderTest.Timeout, consoleBefore);

            // One second into the pulse the broker turns into a black hole for new connections and the current one
            // breaks: the node reconnects at once (or after a first back-off under a second) and hangs in CONNECT
            // across the end of the pulse.
            System.Threading.Thread.Sleep(1000);
            DateTime cutAt = DateTime.Now;
            world.Proxy.StopForwarding();
            world.Proxy.Cut();

            string off = world.Simulator.WaitForLine("relay OFF", l => l.Contains("output relay is OFF"), TimeSpan.FromMilliseconds(PulseMs) + ConnectTimeout + TimeSpan.FromSeconds(10), consoleBefore);
            TimeSpan held = ConsoleClock.Between(ConsoleClock.TimeOf(on), ConsoleClock.TimeOf(off));
            _output.WriteLine("pulse of " + PulseMs + " ms held " + held.TotalMilliseconds + " ms on the node's own clock");

            // The fault was there: a reconnect attempt reached the black hole before the pulse ended.
            TimeSpan offAt = ConsoleClock.TimeOf(off);
            DateTime[] attempts = world.Proxy.AcceptedAt.Where(t => t >= cutAt).ToArray();
            Assert.True(
                attempts.Any(t => ConsoleClock.Between(ConsoleClock.TimeOf(t), offAt) > TimeSpan.Zero),
                "no reconnect attempt was hanging when the pulse ended (attempts after the cut at: " + string.Join(", ", attempts.Select(t => t.ToString("HH:mm:ss.fff"))) + "):\n" + world.Simulator.Console);

            // The node keeps whole milliseconds and the console stamps whole milliseconds: 2 ms of slack below.
            Assert.True(
                held.TotalMilliseconds >= PulseMs - 2 && held <= TimeSpan.FromMilliseconds(PulseMs) + PulseSlack,
                "a " + PulseMs + " ms pulse held " + held.TotalMilliseconds + " ms while the node reconnected:\n" + world.Simulator.Console);
        }

        [SkippableFact]
        public void During_a_config_trial_against_a_broker_that_never_answers_a_pulse_keeps_time_and_SIGTERM_stops_in_order()
        {
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto);
            using BlackHoleListener hole = BlackHoleListener.Start();
            SwitchOn(node, "led");
            const int PulseMs = 2000;
            int consoleBefore = node.Simulator.Lines.Length;
            int before = node.Watcher.Count;

            node.Watcher.Publish(node.Base + "/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":" + PulseMs + "}");
            string on = node.Simulator.WaitForLine("relay ON", l => l.Contains("output relay is ON"), NodeUnderTest.Timeout, consoleBefore);
            node.Watcher.Publish(node.Base + "/config/set", "{\"broker_port\":" + hole.Port + "}");
            node.Watcher.WaitFor("config_trial", r => r.Topic == node.Base + "/event" && r.Payload.Contains("\"config_trial\""), NodeUnderTest.Timeout, before);
            Assert.True(hole.WaitForOpenConnection(TimeSpan.FromMilliseconds(PulseMs)), "the node did not try the new port during the pulse:\n" + node.Simulator.Console);

            string off = node.Simulator.WaitForLine("relay OFF", l => l.Contains("output relay is OFF"), TimeSpan.FromMilliseconds(PulseMs) + ConnectTimeout + TimeSpan.FromSeconds(10), consoleBefore);
            TimeSpan held = ConsoleClock.Between(ConsoleClock.TimeOf(on), ConsoleClock.TimeOf(off));
            _output.WriteLine("pulse of " + PulseMs + " ms held " + held.TotalMilliseconds + " ms on the node's own clock during the trial");
            Assert.True(
                held.TotalMilliseconds >= PulseMs - 2 && held <= TimeSpan.FromMilliseconds(PulseMs) + PulseSlack,
                "a " + PulseMs + " ms pulse held " + held.TotalMilliseconds + " ms during a config trial against a black hole:\n" + node.Simulator.Console);

            // Ctrl+C / SIGTERM while an attempt hangs in CONNECT.
            Assert.True(hole.WaitForOpenConnection(ConnectTimeout + TimeSpan.FromSeconds(5)), "no connect attempt was hanging:\n" + node.Simulator.Console);
            int consoleAtStop = node.Simulator.Lines.Length;
            Stopwatch stopping = Stopwatch.StartNew();
            int exitCode = node.Simulator.Terminate(ConnectTimeout + TimeSpan.FromSeconds(10));
            stopping.Stop();
            _output.WriteLine("exit code " + exitCode + " " + stopping.ElapsedMilliseconds + " ms after SIGTERM");
            Assert.True(exitCode == 0, "exit code " + exitCode + " after SIGTERM during a hanging connect:\n" + node.Simulator.Console);
            Assert.True(stopping.Elapsed <= StopLimit, "the simulator took " + stopping.ElapsedMilliseconds + " ms to stop after SIGTERM; the limit is " + StopLimit.TotalMilliseconds + " ms:\n" + node.Simulator.Console);
            Assert.True(
                node.Simulator.Lines.Skip(consoleAtStop).Any(l => l.Contains("output led is OFF")),
                "the LED was not put in its safe state (OFF) at the stop:\n" + node.Simulator.Console);
        }

        private static void SwitchOn(NodeUnderTest node, string output)
        {
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/actuator/" + output + "/set", "ON");
            node.Watcher.WaitFor(node.Base + "/actuator/" + output + "/state", "ON", NodeUnderTest.Timeout, before);
            node.Simulator.WaitForLine("output " + output + " is ON", NodeUnderTest.Timeout);
        }
    }
}
