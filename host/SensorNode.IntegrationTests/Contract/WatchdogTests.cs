using System;
using System.Text.RegularExpressions;
using SensorNode.HostBoard;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>The main-loop watchdog against a real stall: a chip that holds the I2C bus hangs the loop inside a read.</summary>
    public class WatchdogTests
    {
        [SkippableFact]
        public void A_main_loop_hung_in_a_sensor_read_is_restarted_and_the_broker_says_offline()
        {
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto, "--watchdog", "3");
            int before = node.Watcher.Count;

            node.Simulator.Type("fail bme280 hang");
            int exitCode = node.Simulator.WaitForExit(TimeSpan.FromSeconds(30));

            Assert.Equal(HostRestart.ExitCode, exitCode);
            Match stalled = Regex.Match(node.Simulator.Console, "watchdog: the main loop has not turned for ([0-9]+) ms");
            Assert.True(stalled.Success, node.Simulator.Console);
            Assert.InRange(long.Parse(stalled.Groups[1].Value), 3000, 3000 + 3000 / 4 + 2000); // bound + one check period + a busy CI's slack
            // A restart is not an orderly stop: the broker publishes the Last-Will, not the node.
            node.Watcher.WaitFor(node.Base + "/status", "offline", NodeUnderTest.Timeout, before);
        }
    }
}
