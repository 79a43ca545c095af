using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.IntegrationTests.Faults
{
    /// <summary>
    /// The path between node and broker goes silent (Wi-Fi gone behind an access point, a NAT that lost its
    /// state): no socket closes, no byte arrives. TCP cannot tell; only the keep-alive (or the node's probe) can.
    /// </summary>
    public class SilentPathTests
    {
        private const int KeepAlive = SimulatorProcess.KeepAliveSeconds;

        /// <summary>
        /// The node must find the dead connection by itself: its next keep-alive ping (or probe) is due within one
        /// keep-alive and overdue one keep-alive later; 1 s more for a loaded CI machine.
        /// </summary>
        private static readonly TimeSpan NoticeLimit = TimeSpan.FromSeconds(2 * KeepAlive + 1);

        /// <summary>
        /// The broker publishes the Last-Will 1.5 × keep-alive after the last packet it received, plus how coarsely
        /// mosquitto 2.0 checks (every 5 s on whole-second clocks: up to 7 s; see StatusTests).
        /// </summary>
        private static readonly TimeSpan WillLimit = TimeSpan.FromSeconds(1.5 * KeepAlive + 7);

        /// <summary>
        /// After the path returns: an attempt made while it was silent hangs until the link's CONNECT timeout (10 s),
        /// then one back-off wait (cap 30 s), then the connect itself.
        /// </summary>
        private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(10 + 30 + 5);

        /// <summary>As in <see cref="HangingConnectTests"/>: the issue's ±100 ms, widened for a loaded CI machine.</summary>
        private static readonly TimeSpan PulseSlack = TimeSpan.FromMilliseconds(300);

        private static readonly Regex ConnectionWarning = new Regex(
            "^[0-9:.]{12} (warn|error) .*(connect|probe|broker|keep-?alive)", RegexOptions.IgnoreCase);

        private readonly ITestOutputHelper _output;

        public SilentPathTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <param name="intervalSeconds">
        /// 30: the link is idle between readings, so the MQTT client's own keep-alive ping goes out and finds the
        /// silence. 1: the node publishes every second, more often than the keep-alive, so the client never pings
        /// (MQTTnet and M2Mqtt ping only after a keep-alive without sending): only the node itself can notice.
        /// </param>
        /// <summary>
        /// A pulse runs across the moment the node gives the silent connection up (its check is due a keep-alive
        /// after the broker's last word, the command): whatever the node does about the path, the output keeps its
        /// time. 8 s so the pulse spans the check and the wait for its answer.
        /// </summary>
        [SkippableFact]
        public void A_pulse_keeps_time_while_the_node_finds_the_path_silent()
        {
            using NodeBehindProxy world = NodeBehindProxy.Online();
            const int PulseMs = 8000;
            int consoleBefore = world.Simulator.Lines.Length;
            world.Watcher.Publish(world.Base + "/actuator/relay/set", "{\"state\":\"ON\",\"for_ms\":" + PulseMs + "}");
            string on = world.Simulator.WaitForLine("relay ON", l => l.Contains("output relay is ON"), NodeUnderTest.Timeout, consoleBefore);
            world.Proxy.StopForwarding();

            string off = world.Simulator.WaitForLine("relay OFF", l => l.Contains("output relay is OFF"), TimeSpan.FromMilliseconds(PulseMs) + TimeSpan.FromSeconds(20), consoleBefore);
            TimeSpan held = ConsoleClock.Between(ConsoleClock.TimeOf(on), ConsoleClock.TimeOf(off));
            _output.WriteLine("pulse of " + PulseMs + " ms held " + held.TotalMilliseconds + " ms on the node's own clock while the path was silent");
            string noticed = world.Simulator.WaitForLine("warning about the connection", l => ConnectionWarning.IsMatch(l), NoticeLimit + TimeSpan.FromSeconds(10), consoleBefore);
            _output.WriteLine("the node gave the connection up at " + noticed);
            Assert.True(
                held.TotalMilliseconds >= PulseMs - 2 && held <= TimeSpan.FromMilliseconds(PulseMs) + PulseSlack,
                "a " + PulseMs + " ms pulse held " + held.TotalMilliseconds + " ms while the node found the path silent:\n" + world.Simulator.Console);
        }

        [SkippableTheory]
        [InlineData(30)]
        [InlineData(1)]
        public void A_silent_path_is_noticed_within_the_keep_alive_bound_others_see_the_will_and_the_node_returns_with_the_path(int intervalSeconds)
        {
            using NodeBehindProxy world = NodeBehindProxy.Online("--interval", intervalSeconds.ToString());
            int consoleBefore = world.Simulator.Lines.Length;
            int before = world.Watcher.Count;

            long silencedAt = Stopwatch.GetTimestamp();
            TimeSpan silencedAtClock = ConsoleClock.TimeOf(DateTime.Now);
            world.Proxy.StopForwarding();

            // Others: the broker heard nothing more from the node and published its Last-Will.
            Received offline = world.Watcher.WaitFor(world.Base + "/status", "offline", WillLimit + TimeSpan.FromSeconds(5), before);
            TimeSpan willAfter = Stopwatch.GetElapsedTime(silencedAt, offline.At);
            _output.WriteLine("Last-Will 'offline' " + willAfter.TotalSeconds.ToString("0.00") + " s after the path went silent (limit " + WillLimit.TotalSeconds + " s)");
            Assert.True(willAfter <= WillLimit, "the Last-Will came " + willAfter.TotalSeconds + " s after the path went silent; the limit is " + WillLimit.TotalSeconds + " s");

            // The node: its own log says when it gave the connection up.
            string noticed = world.Simulator.WaitForLine("warning about the connection", l => ConnectionWarning.IsMatch(l), NoticeLimit + TimeSpan.FromSeconds(10), consoleBefore);
            TimeSpan noticedAfter = ConsoleClock.Between(silencedAtClock, ConsoleClock.TimeOf(noticed));
            _output.WriteLine("the node noticed " + noticedAfter.TotalSeconds.ToString("0.000") + " s after the path went silent (limit " + NoticeLimit.TotalSeconds + " s): " + noticed);
            Assert.True(noticedAfter <= NoticeLimit, "the node noticed the silent path " + noticedAfter.TotalSeconds + " s after it went silent; the limit is " + NoticeLimit.TotalSeconds + " s:\n" + world.Simulator.Console);

            // The path returns: the node is back, says so and publishes again.
            before = world.Watcher.Count;
            long resumedAt = Stopwatch.GetTimestamp();
            world.Proxy.Resume();
            Received online = world.Watcher.WaitFor(world.Base + "/status", "online", RecoveryLimit, before);
            _output.WriteLine("online again " + Stopwatch.GetElapsedTime(resumedAt, online.At).TotalSeconds.ToString("0.00") + " s after the path returned (limit " + RecoveryLimit.TotalSeconds + " s)");
            int afterOnline = world.Watcher.Count;
            world.Watcher.WaitFor("a state snapshot after the return", r => r.Topic == world.Base + "/state", NodeUnderTest.Timeout, afterOnline);
        }
    }
}
