using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using PuppeteerSharp;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Web
{
    /// <summary>
    /// The node's own web page in a real browser (Debian's headless Chromium) against the simulator and mosquitto, as a
    /// user meets it (the setup tests also against the firmware on a freshly flashed virtual ESP32, through its access
    /// point): a first-boot node in setup mode, the form filled in, the node online (seen with mosquitto_sub);
    /// a wrong broker said on the page and the node back in setup mode; the status page switching the relay and
    /// setting a dimmer (the state topics change); a wrong password and another origin getting nothing.
    /// SENSORNODE_SCREENSHOTS=DIR keeps the screenshots of both pages there (docs/images was made so).
    /// </summary>
    public class WebPageBrowserTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        [SkippableFact]
        public async Task The_setup_page_brings_a_first_boot_node_online_and_the_status_page_drives_its_outputs()
        {
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            using WebNode node = WebNode.Start(broker, "--setup", "--outputs", "relay,strip:dimmer");
            await using IBrowser browser = Chromium.Launch();
            IPage page = await node.Open(browser, node.Password);

            await node.WaitForNetworkList(page);
            await node.FillSetupForm(page, broker.Host, broker.Port);
            await Screenshot(page, "setup-page.png");
            await page.ClickAsync("#save");

            await node.WaitForOnline(page, Timeout);
            MosquittoSub.WaitForRetained(broker, node.Base + "/status", "online", Timeout);
            node.Simulator.WaitForLine("config_applied", Timeout);

            await DriveOutputs(page, node, broker);
            await Screenshot(page, "status-page.png");
        }

        /// <summary>On the simulator and on the firmware in the virtual ESP32 alike: a node set up, its status page.</summary>
        [SkippableFact]
        public async Task The_status_page_switches_the_relay_and_sets_the_dimmer()
        {
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            using WebNode node = WebNode.Start(broker, "--outputs", "relay,strip:dimmer");
            MosquittoSub.WaitForRetained(broker, node.Base + "/status", "online", Timeout);
            await using IBrowser browser = Chromium.Launch();
            IPage page = await node.Open(browser, node.Password);

            await DriveOutputs(page, node, broker);
            string readings = await page.EvaluateExpressionAsync<string>("document.getElementById('readings').textContent");
            Assert.Matches(@"bme280 temperature[0-9.]+ °C", readings);
        }

        [SkippableFact]
        public async Task A_broker_that_cannot_be_reached_is_said_on_the_page_and_the_node_returns_to_setup()
        {
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            using WebNode node = WebNode.Start(broker, "--setup");
            await using IBrowser browser = Chromium.Launch();
            IPage page = await node.Open(browser, node.Password);

            await node.FillSetupForm(page, "127.0.0.1", LoopbackPorts.Free()); // nothing listens there
            await page.ClickAsync("#save");

            await page.WaitForFunctionAsync("() => document.getElementById('msg').textContent.startsWith('Not connected:') && document.getElementById('setup').className == ''",
                new WaitForFunctionOptions { Timeout = 45_000 });
            string message = await page.EvaluateExpressionAsync<string>("document.getElementById('msg').textContent");
            Assert.Contains("could not get online with the new settings in 3 attempts", message);
            Assert.True(message.Contains("refused", StringComparison.OrdinalIgnoreCase), "the page does not say the broker refused: " + message);
            node.Simulator.WaitForLine("back in setup mode", Timeout);

            // Back in setup mode: the form is there again and a good broker still brings the node online.
            await Fill(page, "broker_port", broker.Port.ToString());
            await page.ClickAsync("#save");
            await node.WaitForOnline(page, Timeout);
            MosquittoSub.WaitForRetained(broker, node.Base + "/status", "online", Timeout);
        }

        [SkippableFact]
        public async Task A_wrong_password_or_another_origin_gets_nothing()
        {
            using IBroker broker = Brokers.Start(Brokers.Mosquitto);
            using WebNode node = WebNode.Start(broker);
            MosquittoSub.WaitForRetained(broker, node.Base + "/actuator/relay/state", "OFF", Timeout);
            await using IBrowser browser = Chromium.Launch();

            IPage page = await browser.NewPageAsync();
            await page.AuthenticateAsync(new Credentials { Username = "admin", Password = "not-the-password" });
            IResponse response = await page.GoToAsync(node.Url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            string shown = await page.GetContentAsync();
            Assert.DoesNotContain("Readings", shown);
            Assert.DoesNotContain(node.NodeId, shown);

            using HttpClient http = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Post(node, "/a/relay", "ON", "wrong-password", node.Url.TrimEnd('/')))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Get(node, "/s", "wrong-password"))).StatusCode);
            HttpResponseMessage forged = await http.SendAsync(Post(node, "/a/relay", "ON", node.Password, "http://evil.example"));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            HttpResponseMessage oversized = await http.SendAsync(Post(node, "/a/relay", new string('x', 2000), node.Password, node.Url.TrimEnd('/')));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);

            // The right password from the page's own origin does switch it: the refusals above were not a broken path.
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(Post(node, "/a/led", "ON", node.Password, node.Url.TrimEnd('/')))).StatusCode);
            MosquittoSub.WaitForRetained(broker, node.Base + "/actuator/led/state", "ON", Timeout);
            MosquittoSub.WaitForRetained(broker, node.Base + "/actuator/relay/state", "OFF", Timeout);
            Assert.False(node.Simulator.Printed("output relay is ON"), "a refused request switched the relay");
        }

        /// <summary>The relay on and the dimmer to 40 % from the page: the state topics (mosquitto_sub) and the page say so.</summary>
        private static async Task DriveOutputs(IPage page, WebNode node, IBroker broker)
        {
            await page.ClickAsync("#relay-ON");
            MosquittoSub.WaitForRetained(broker, node.Base + "/actuator/relay/state", "ON", Timeout);
            await WaitForText(page, "state-relay", "ON");

            await page.EvaluateExpressionAsync("document.getElementById('level-strip').value = 40");
            await page.ClickAsync("#set-strip");
            MosquittoSub.WaitForRetained(broker, node.Base + "/actuator/strip/state", "{\"state\":\"ON\",\"level\":40}", Timeout);
            await WaitForText(page, "state-strip", "ON 40 %");
            await node.WaitForOnline(page, Timeout);

            string settings = await page.EvaluateExpressionAsync<string>("document.getElementById('config').textContent");
            Assert.Contains("\"broker_host\": \"" + broker.Host + "\"", settings);
        }

        private static HttpRequestMessage Get(WebNode node, string path, string password)
        {
            HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, node.Url.TrimEnd('/') + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
            return request;
        }

        private static HttpRequestMessage Post(WebNode node, string path, string body, string password, string origin)
        {
            HttpRequestMessage request = Get(node, path, password);
            request.Method = HttpMethod.Post;
            request.Content = new StringContent(body);
            request.Headers.Add("Origin", origin);
            return request;
        }

        private static async Task Fill(IPage page, string id, string value)
        {
            await page.EvaluateFunctionAsync("id => document.getElementById(id).value = ''", id);
            await page.TypeAsync("#" + id, value);
        }

        private static async Task WaitForText(IPage page, string id, string text)
        {
            try
            {
                await page.WaitForFunctionAsync("(id, text) => document.getElementById(id) && document.getElementById(id).textContent == text",
                    new WaitForFunctionOptions { Timeout = (int)Timeout.TotalMilliseconds }, id, text);
            }
            catch (WaitTaskTimeoutException)
            {
                string now = await page.EvaluateFunctionAsync<string>("id => document.getElementById(id) ? document.getElementById(id).textContent : '(none)'", id);
                throw new TimeoutException("#" + id + " never read '" + text + "'; it reads '" + now + "'");
            }
        }

        private static async Task Screenshot(IPage page, string name)
        {
            string folder = Environment.GetEnvironmentVariable("SENSORNODE_SCREENSHOTS");
            string path = Path.Combine(folder ?? Path.GetTempPath(), folder == null ? "sensornode-" + Guid.NewGuid().ToString("N") + "-" + name : name);
            await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, "an empty screenshot");
            if (folder == null)
            {
                File.Delete(path);
            }
        }
    }
}
