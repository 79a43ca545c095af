using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using PuppeteerSharp;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Web
{
    /// <summary>
    /// docs/flashing.md's first boot on the unmodified firmware in the virtual ESP32: a freshly flashed device saves its
    /// access point (SoftAccessPoint) and restarts once; the access point then runs, named after the node, and its DHCP
    /// server (Iot.Device.DhcpServer) gives a phone an address with the page's address as router and captive portal;
    /// the page behind the printed password brings the node online on mosquitto; at its next boot the node switches
    /// the access point off and restarts once without it, and serves its status page on the network it joined. The simulator has no access point: its setup page is tested
    /// in WebPageBrowserTests.
    /// </summary>
    public class SetupAccessPointTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        [SkippableFact]
        public async Task A_freshly_flashed_device_opens_its_access_point_hands_out_an_address_and_is_set_up_from_its_page()
        {
            Skip.IfNot(TestedNode.IsVirtualEsp32, "the access point and its DHCP server are the device's (SoftAccessPoint, Iot.Device.DhcpServer); run with " + TestedNode.Variable + "=virtual-esp32");
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            DirectoryInfo flash = Directory.CreateTempSubdirectory("sensornode-setup-flash-");
            try
            {
                string nodeId = await SetUpFromThePage(broker, flash);

                // The next boot: set up, the access point still saved on; switched off, one restart, online without it.
                using SimulatorProcess rebooted = SimulatorProcess.Start(broker, nodeId, "--state", flash.FullName);
                rebooted.WaitForLine("set up: the setup access point is switched off; restarting once without it", Timeout);
                MosquittoSub.WaitForRetained(broker, rebooted.Base + "/status", "online", Timeout);
                rebooted.WaitForLine("web page on port 80 of the node's address, password", Timeout);
                Assert.Single(rebooted.Lines, l => l.Contains("restarting once without it"));
                Assert.DoesNotContain(rebooted.Lines, l => l.Contains("the DHCP server"));
            }
            finally
            {
                flash.Delete(true);
            }
        }

        [SkippableFact]
        public void A_device_deployed_with_its_settings_boots_once_and_never_for_the_access_point()
        {
            Skip.IfNot(TestedNode.IsVirtualEsp32, "the access point is the device's; run with " + TestedNode.Variable + "=virtual-esp32");
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            using SimulatorProcess node = SimulatorProcess.Start(broker, "ap" + Guid.NewGuid().ToString("N").Substring(0, 8));
            MosquittoSub.WaitForRetained(broker, node.Base + "/status", "online", Timeout);

            // Its access point block is an ESP32's default (Disable, not None): already off, nothing to restart for.
            Assert.DoesNotContain(node.Lines, l => l.Contains("rebooting:"));
            Assert.Contains(node.Lines, l => l.Contains("boot 1"));
        }

        /// <summary>Setup mode through the access point, as a user: returns the node id it was given on the page.</summary>
        private static async Task<string> SetUpFromThePage(IBroker broker, DirectoryInfo flash)
        {
            using WebNode node = WebNode.Start(broker, "--setup", "--state", flash.FullName);

            Assert.Single(node.Simulator.Lines, l => l.Contains("setup mode: access point " + node.AccessPointSsid + " saved; it opens after this restart"));
            Assert.Matches("^SensorNode-[0-9a-f]{6}$", node.AccessPointSsid);
            Assert.Matches("^[a-z0-9]{12}$", node.Password);

            DhcpLease lease = DhcpClient.Lease(node.DhcpPort, node.DhcpClientPort, new byte[] { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }, Timeout);
            byte[] address = lease.Address.GetAddressBytes();
            Assert.True(address[0] == 192 && address[1] == 168 && address[2] == 4 && address[3] >= 2 && address[3] <= 254, "the phone's address: " + lease.Address);
            Assert.Equal(IPAddress.Parse("192.168.4.1"), lease.Server);
            Assert.Equal(IPAddress.Parse("255.255.255.0"), lease.Mask);
            Assert.Equal(IPAddress.Parse("192.168.4.1"), lease.Router);
            Assert.Equal("http://192.168.4.1", lease.CaptivePortal);

            await using IBrowser browser = Chromium.Launch();
            IPage page = await node.Open(browser, node.Password);
            await node.WaitForNetworkList(page);
            await node.FillSetupForm(page, broker.Host, broker.Port);
            await page.ClickAsync("#save");
            await node.WaitForOnline(page, TimeSpan.FromSeconds(60));
            MosquittoSub.WaitForRetained(broker, node.Base + "/status", "online", Timeout);
            return node.NodeId;
        }
    }
}
