using System;
using System.Text.RegularExpressions;
using SensorNode.HostBoard;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The main-loop watchdog against a real stall of the loop inside a sensor read: on the simulator a chip that holds
    /// the I2C bus (Linux's driver waits for it); on the virtual ESP32 a stalled I2C driver (the board's `stall i2c`),
    /// since the ESP32's own driver gives up after 1 s.
    /// </summary>
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

        [SkippableFact]
        public void On_the_virtual_ESP32_a_stalled_main_loop_reboots_the_device_which_comes_back_with_its_settings()
        {
            Skip.IfNot(TestedNode.IsVirtualEsp32, "the firmware's watchdog (60 s, Power.RebootDevice) on the virtual ESP32; the simulator's is the test above");
            using NodeUnderTest node = NodeUnderTest.Online(Brokers.Mosquitto);
            int before = node.Watcher.Count;
            node.Watcher.Publish(node.Base + "/config/set", "{\"interval_s\":2}");
            node.Watcher.WaitFor("the new config", r => r.Topic == node.Base + "/config" && r.Payload.Contains("\"interval_s\":2,"), NodeUnderTest.Timeout, before);

            int beforeStall = node.Watcher.Count;
            int consoleBefore = node.Simulator.Lines.Length;
            node.Simulator.Type("stall i2c");
            TimeSpan bound = TimeSpan.FromMilliseconds(60000);
            string restarting = node.Simulator.WaitForLine("the watchdog's restart", l => l.Contains("watchdog: the main loop has not turned for"), bound * 1.5, consoleBefore);

            // Measured by the firmware itself: from the loop's last turn to the check that found it silent.
            long silentMs = long.Parse(Regex.Match(restarting, "not turned for ([0-9]+) ms").Groups[1].Value);
            Assert.InRange(silentMs, 60000, 60000 + 60000 / 4 + 5000); // the bound + one check period + a busy machine's slack
            node.Watcher.WaitFor(node.Base + "/status", "offline", NodeUnderTest.Timeout, beforeStall);
            node.Simulator.WaitForLine("the reboot", l => l.Contains("rebooted by the firmware; starting again"), NodeUnderTest.Timeout, consoleBefore);

            // The same flash after the reboot: the setting made over MQTT is the one it boots with.
            int beforeBoot = node.Watcher.Count;
            Received config = node.Watcher.WaitFor("the config after the reboot", r => r.Topic == node.Base + "/config", NodeUnderTest.StartTimeout, beforeBoot);
            Assert.Contains("\"interval_s\":2,", config.Payload);
            node.Watcher.WaitFor(node.Base + "/status", "online", NodeUnderTest.StartTimeout, beforeBoot);
            node.Watcher.WaitFor("a state snapshot after the reboot", r => r.Topic == node.Base + "/state", NodeUnderTest.StartTimeout, beforeBoot);
        }
    }
}
