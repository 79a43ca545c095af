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
