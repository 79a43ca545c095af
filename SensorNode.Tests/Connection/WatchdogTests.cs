using nanoFramework.TestFramework;
using SensorNode.Core.Connection;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Connection
{
    [TestClass]
    public class WatchdogTests
    {
        [TestMethod]
        public static void A_main_loop_silent_beyond_the_bound_restarts_the_board()
        {
            FakeClock clock = new FakeClock();
            FakeRestart restart = new FakeRestart();
            ListLog log = new ListLog();
            MainLoopWatchdog watchdog = new MainLoopWatchdog(clock, restart, log, 60000);

            Assert.IsFalse(watchdog.Check(59999));
            Assert.AreEqual(0, restart.Restarts);
            Assert.IsTrue(watchdog.Check(60000));

            Assert.AreEqual(1, restart.Restarts);
            Assert.Contains("main loop stalled for 60000 ms", restart.Reason);
            Assert.IsTrue(log.Contains("watchdog"));
        }

        [TestMethod]
        public static void A_node_that_keeps_polling_is_never_restarted_whatever_the_network_does_but_a_stalled_one_is()
        {
            NodeHarness node = new NodeHarness();
            node.Link.AcceptConnect = false; // a broker that is gone for good
            FakeRestart restart = new FakeRestart();
            NodeHarnessWithWatchdog(node, restart);

            for (int second = 0; second < 600; second++)
            {
                node.Advance(1000);
                Assert.IsFalse(node.Node.Watchdog.Check(node.Clock.Now), "restarted at " + second + " s");
            }

            node.Clock.Now += 60000; // the loop stalls
            Assert.IsTrue(node.Node.Watchdog.Check(node.Clock.Now));
            Assert.AreEqual(1, restart.Restarts);
        }

        [TestMethod]
        public static void An_orderly_stop_ends_the_watchdog_thread_without_a_restart()
        {
            NodeHarness node = new NodeHarness();
            FakeRestart restart = new FakeRestart();
            NodeHarnessWithWatchdog(node, restart);
            node.Node.Poll();

            node.Node.Stop();
            System.Threading.Thread thread = new System.Threading.Thread(node.Node.Watchdog.Run);
            thread.Start();

            Assert.IsTrue(thread.Join(30000), "the watchdog thread did not end after the stop");
            Assert.AreEqual(0, restart.Restarts);
        }

        private static void NodeHarnessWithWatchdog(NodeHarness node, FakeRestart restart)
        {
            node.Watchdog = restart;
            node.Start();
        }
    }
}
