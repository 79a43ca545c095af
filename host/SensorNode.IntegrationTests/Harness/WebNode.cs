using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PuppeteerSharp;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A node with its web page on a free port, pointed at a test's broker: the simulator (--web, a known password),
    /// or the firmware on the virtual ESP32 (run.sh --web maps the device's port 80 there; the password is the one the
    /// firmware made at its first boot and printed; its ESP32 profile serves the page once set up). With --setup the virtual ESP32 is freshly flashed: the firmware
    /// opens its access point (one restart), whose DHCP server answers on <see cref="DhcpPort"/>.
    /// </summary>
    public sealed class WebNode : IDisposable
    {
        public const string SimulatorPassword = "web-test-pw";

        private static readonly Regex DevicePassword = new Regex(@"web page on port 80 of the node's address, password (\S+)");
        private static readonly Regex SetupPassword = new Regex(@"setup mode: join Wi-Fi '(\S+)' with password (\S+) and open http://192\.168\.4\.1/");

        private WebNode(SimulatorProcess simulator, int port, string password)
        {
            Simulator = simulator;
            Url = "http://localhost:" + port + "/";
            Password = password;
        }

        /// <summary>The Wi-Fi network the node's scan finds, and its password: the simulator's, or run.sh's access point.</summary>
        public string WifiNetwork => TestedNode.IsVirtualEsp32 ? "SensorNodeLab" : "sensornode-sim-wifi";

        public string WifiPassword => "virtual-esp32";

        /// <summary>The virtual ESP32 in setup mode: its access point's SSID, and the host ports for UDP 67 and 68.</summary>
        public string AccessPointSsid { get; private init; }

        public int DhcpPort { get; private init; }

        public int DhcpClientPort { get; private init; }

        public SimulatorProcess Simulator { get; }

        public string Url { get; }

        /// <summary>The node's web password.</summary>
        public string Password { get; }

        public string NodeId => Simulator.NodeId;

        public string Base => Simulator.Base;

        /// <summary>Starts the node and returns once its page is served.</summary>
        public static WebNode Start(IBroker broker, params string[] extraArguments)
        {
            int port = LoopbackPorts.Free();
            string nodeId = "web" + Guid.NewGuid().ToString("N").Substring(0, 8);
            bool setup = extraArguments.Contains("--setup");
            bool accessPoint = setup && TestedNode.IsVirtualEsp32; // only the device has one, and its DHCP server
            int dhcpPort = accessPoint ? LoopbackPorts.Free() : 0;
            int dhcpClientPort = accessPoint ? LoopbackPorts.Free() : 0;
            string[] web = !TestedNode.IsVirtualEsp32
                ? new[] { "--web", port.ToString(), "--web-password", SimulatorPassword }
                : accessPoint ? new[] { "--web", port.ToString(), "--dhcp", dhcpPort.ToString(), "--dhcp-client", dhcpClientPort.ToString() }
                : new[] { "--web", port.ToString() };
            SimulatorProcess simulator = SimulatorProcess.Start(broker, nodeId, web.Concat(extraArguments).ToArray());
            try
            {
                if (!TestedNode.IsVirtualEsp32)
                {
                    simulator.WaitForLine("web page on http://localhost:" + port, NodeUnderTest.StartTimeout);
                    return new WebNode(simulator, port, SimulatorPassword);
                }

                if (setup)
                {
                    // The first boot saves the access point and restarts; the second opens it and its page.
                    Match access = SetupPassword.Match(simulator.WaitForLine("setup mode's access point and password", l => SetupPassword.IsMatch(l), NodeUnderTest.StartTimeout));
                    simulator.WaitForLine("port 80, the web page, is http://127.0.0.1:" + port + "/", NodeUnderTest.StartTimeout);
                    return new WebNode(simulator, port, access.Groups[2].Value)
                    {
                        AccessPointSsid = access.Groups[1].Value, DhcpPort = dhcpPort, DhcpClientPort = dhcpClientPort,
                    };
                }

                simulator.WaitForLine("port 80, the web page, is http://127.0.0.1:" + port + "/", NodeUnderTest.StartTimeout);
                string password = DevicePassword.Match(simulator.WaitForLine("the firmware's web password", l => DevicePassword.IsMatch(l), NodeUnderTest.StartTimeout)).Groups[1].Value;
                return new WebNode(simulator, port, password);
            }
            catch
            {
                simulator.Dispose();
                throw;
            }
        }

        /// <summary>A browser tab on the page, logged in with <paramref name="password"/>, once the page has shown the node.</summary>
        public async Task<IPage> Open(IBrowser browser, string password)
        {
            IPage page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 560, Height = 900 });
            await page.AuthenticateAsync(new Credentials { Username = "admin", Password = password });
            await page.GoToAsync(Url);
            await page.WaitForFunctionAsync("() => document.getElementById('id').textContent.length > 0", new WaitForFunctionOptions { Timeout = 30_000 });
            return page;
        }

        /// <summary>Waits until the setup form lists the network the node's Wi-Fi scan finds (on an ESP32 a scan takes seconds).</summary>
        public async Task WaitForNetworkList(IPage page)
        {
            await page.WaitForFunctionAsync("net => document.getElementById('nets').innerHTML.indexOf(net) >= 0",
                new WaitForFunctionOptions { Timeout = 30_000 }, WifiNetwork);
        }

        /// <summary>The setup form as a user fills it: the network the node found, the broker, the node's id.</summary>
        public async Task FillSetupForm(IPage page, string brokerHost, int brokerPort)
        {
            foreach ((string id, string value) in new[]
                { ("wifi_ssid", WifiNetwork), ("wifi_password", WifiPassword), ("broker_host", brokerHost), ("broker_port", brokerPort.ToString()), ("node_id", NodeId) })
            {
                await page.EvaluateFunctionAsync("id => document.getElementById(id).value = ''", id);
                await page.TypeAsync("#" + id, value);
            }
        }

        /// <summary>
        /// Waits until the page says the node is online; else fails with what the page says and the node's console (a
        /// device that restarts, or runs out of memory, says so there).
        /// </summary>
        public async Task WaitForOnline(IPage page, TimeSpan timeout)
        {
            try
            {
                await page.WaitForFunctionAsync("() => document.getElementById('msg').textContent == 'Online'", new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds });
            }
            catch (WaitTaskTimeoutException)
            {
                string shown = await page.EvaluateExpressionAsync<string>("document.getElementById('msg') ? document.getElementById('msg').textContent : '(none)'");
                string console = Simulator.Console;
                throw new TimeoutException("the page never said 'Online' within " + timeout.TotalSeconds + " s; it says '" + shown + "'\nthe node's console (last 6000 characters):\n" + console.Substring(Math.Max(0, console.Length - 6000)));
            }
        }

        public void Dispose()
        {
            Simulator.Dispose();
        }
    }
}
