using System;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>The simulator with its web page (--web) on a free port and a known password, pointed at a test's broker.</summary>
    public sealed class WebNode : IDisposable
    {
        public const string Password = "web-test-pw";

        private WebNode(SimulatorProcess simulator, int port)
        {
            Simulator = simulator;
            Url = "http://localhost:" + port + "/";
        }

        public SimulatorProcess Simulator { get; }

        public string Url { get; }

        public string NodeId => Simulator.NodeId;

        public string Base => Simulator.Base;

        /// <summary>Starts the node and returns once its page is served.</summary>
        public static WebNode Start(IBroker broker, params string[] extraArguments)
        {
            int port = LoopbackPorts.Free();
            string nodeId = "web" + Guid.NewGuid().ToString("N").Substring(0, 8);
            SimulatorProcess simulator = SimulatorProcess.Start(broker, nodeId, new[] { "--web", port.ToString(), "--web-password", Password }.Concat(extraArguments).ToArray());
            try
            {
                simulator.WaitForLine("web page on http://localhost:" + port, NodeUnderTest.StartTimeout);
                return new WebNode(simulator, port);
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
