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
    /// firmware made at its first boot and printed).
    /// </summary>
    public sealed class WebNode : IDisposable
    {
        public const string SimulatorPassword = "web-test-pw";

        private static readonly Regex DevicePassword = new Regex(@"web page on port 80 of the node's address, password (\S+)");

        private WebNode(SimulatorProcess simulator, int port, string password)
        {
            Simulator = simulator;
            Url = "http://localhost:" + port + "/";
            Password = password;
        }

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
            Skip.If(TestedNode.IsVirtualEsp32, "the firmware's status page is off in the ESP32 board profile (BoardProfile.WebPageOnceSetUp: a crash of the virtual ESP32 with the web server waiting, docs/setup.md), and setup mode's access point is not modelled");
            string[] web = TestedNode.IsVirtualEsp32
                ? new[] { "--web", port.ToString() }
                : new[] { "--web", port.ToString(), "--web-password", SimulatorPassword };
            SimulatorProcess simulator = SimulatorProcess.Start(broker, nodeId, web.Concat(extraArguments).ToArray());
            try
            {
                if (!TestedNode.IsVirtualEsp32)
                {
                    simulator.WaitForLine("web page on http://localhost:" + port, NodeUnderTest.StartTimeout);
                    return new WebNode(simulator, port, SimulatorPassword);
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

        public void Dispose()
        {
            Simulator.Dispose();
        }
    }
}
