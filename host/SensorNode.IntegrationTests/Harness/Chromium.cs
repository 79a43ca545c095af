using System;
using System.IO;
using PuppeteerSharp;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// Debian's headless Chromium (/usr/bin/chromium; host/prerequisites.sh installs it), driven over the DevTools
    /// protocol by PuppeteerSharp. Never downloads a browser: a machine without it skips the test, and CI
    /// (CI=true), where .ci/run installs it, fails it.
    /// </summary>
    public static class Chromium
    {
        public const string Executable = "/usr/bin/chromium";

        public static IBrowser Launch()
        {
            if (!File.Exists(Executable))
            {
                const string Missing = "chromium is not installed (apt-get install -y chromium): the web page tests need a real browser";
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", Missing);
                Skip.If(true, Missing);
            }

            return Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Executable,
                Browser = SupportedBrowser.Chrome,
                // As root (CI) Chromium needs --no-sandbox; a small /dev/shm in containers needs the other.
                Args = new[] { "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu" },
                Timeout = 60_000,
            }).GetAwaiter().GetResult();
        }
    }
}
