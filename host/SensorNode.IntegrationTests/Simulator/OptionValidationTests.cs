using System.IO;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>
    /// Command-line options go through the rules a config on the config topic gets: a clear error and exit code 2,
    /// before any broker or node starts.
    /// </summary>
    public class OptionValidationTests
    {
        [Theory]
        [InlineData("--node-id", "#", "--node-id must be one topic level")]
        [InlineData("--node-id", "a/b", "--node-id must be one topic level")]
        [InlineData("--node-id", "", "--node-id must be one topic level")]
        [InlineData("--prefix", "a/+/b", "--prefix must be topic levels without '+'")]
        [InlineData("--broker", ":1883", "--broker needs a host")]
        [InlineData("--outputs", "relay,relay", "--outputs: each output once")]
        [InlineData("--outputs", "a/b", "--outputs: 'a/b' must be one topic level")]
        [InlineData("--outputs", "pump:max_on=0", "--outputs: 'max_on=0' in 'pump:max_on=0' needs whole seconds from 1 to 86400")]
        [InlineData("--outputs", "pump:offline_safe", "--outputs: 'offline_safe' in 'pump:offline_safe' needs whole seconds")]
        [InlineData("--outputs", "pump:max_on=86401", "--outputs: output pump: maximum on-time 86401 s must be 0 (none) or 1 to 86400 s")]
        [InlineData("--outputs", "pump:max_on=5:max_on=6", "--outputs: 'pump:max_on=5:max_on=6' names max_on twice")]
        [InlineData("--outputs", "pump:motor", "--outputs: 'pump:motor' is not NAME[:dimmer|:servo][:max_on=S][:offline_safe=S]")]
        [InlineData("--outputs", "arm:servo:dimmer", "--outputs: 'arm:servo:dimmer' names two kinds")]
        [InlineData("--outputs", "arm:servo:max_on=5", "--outputs: output arm: a servo holds an angle and is never on: it takes no maximum on-time")]
        [InlineData("--state", "/etc/hostname", "--state: '/etc/hostname' is a file")]
        [InlineData("--chips", "bme280,bme280", "--chips: each chip once")]
        [InlineData("--nodes", "0", "--nodes takes a whole number from 1 to 1000, not '0'")]
        [InlineData("--nodes", "1001", "--nodes takes a whole number from 1 to 1000, not '1001'")]
        [InlineData("--nodes", "three", "--nodes takes a whole number from 1 to 1000, not 'three'")]
        public void A_bad_option_is_a_clear_error_with_exit_code_2(string option, string value, string expected)
        {
            (int exitCode, _, string error) = SimulatorRun.Run(option, value);

            Assert.Equal(2, exitCode);
            Assert.Contains(expected, error);
        }

        [Theory]
        [InlineData("--port needs a value", "--port")]
        [InlineData("--node-id needs a value", "--interval", "2", "--node-id")]
        [InlineData("unknown option --frob", "--frob")]
        [InlineData("unknown option extra", "--node-id", "a", "extra")]
        [InlineData("unknown option true", "--tls", "true")]
        [InlineData("--port takes a whole number from 1 to 65535, not '65536'", "--port", "65536")]
        [InlineData("--interval takes a whole number from 1 to 86400, not '0'", "--interval", "0")]
        [InlineData("--interval takes a whole number from 1 to 86400, not '0'", "--interval", "5", "--interval", "0")]
        [InlineData("--keepalive takes a whole number from 5 to 3600, not '4'", "--keepalive", "4")]
        [InlineData("--watchdog takes a whole number from 2 to 3600, not '1'", "--watchdog", "1")]
        [InlineData("--seed takes a whole number from 0 to 2147483647, not '-1'", "--seed", "-1")]
        [InlineData("--broker the port must be a whole number from 1 to 65535, not 'x'", "--broker", "host:x")]
        [InlineData("--broker '::1:19012' has more than one ':': write an IPv6 address in brackets, e.g. [::1]:1883", "--broker", "::1:19012")]
        [InlineData("--broker 'host:1883:1884' has more than one ':'", "--broker", "host:1883:1884")]
        [InlineData("--broker '[::1' opens '[' without closing it", "--broker", "[::1")]
        [InlineData("--broker the port must be a whole number from 1 to 65535, not ''", "--broker", "[::1]:")]
        [InlineData("--broker 'a b' is not a host name", "--broker", "a b")]
        [InlineData("--prefix must be topic levels without '+', '#' or empty levels, not starting with '$'", "--prefix", "$SYS")]
        [InlineData("--tls needs --broker: the embedded broker listens without TLS", "--tls")]
        [InlineData("--chips: no virtual chip 'bme999'; there are bme280", "--chips", "bme280,bme999")]
        [InlineData("--chips: each chip once", "--chips", "bmp280", "--bmp280")]
        [InlineData("--chips: bmp280 and bme680 both answer at 0x77: one or the other", "--chips", "bme680", "--bmp280")]
        [InlineData("--config-key-file: cannot read the key file '/nonexistent/node.key'", "--config-key-file", "/nonexistent/node.key")]
        [InlineData("--config-key-file: the key file '/etc/hostname' must hold 16 to 64 bytes as hex digits", "--config-key-file", "/etc/hostname")]
        public void A_command_line_it_cannot_use_is_a_clear_error_with_exit_code_2(string expected, params string[] arguments)
        {
            (int exitCode, string output, string error) = SimulatorRun.Run(arguments);

            Assert.Equal(2, exitCode);
            Assert.Contains(expected, error);
            Assert.EndsWith(" (--help lists the options)\n", error);
            Assert.Equal("", output);
        }

        [Fact]
        public void Help_lists_every_option_with_its_default_and_the_sign_command()
        {
            (int exitCode, string output, _) = SimulatorRun.Run("--help");

            Assert.Equal(0, exitCode);
            Assert.Contains("dotnet run --project host/SensorNode.Simulator -- [command] [options]", output);
            foreach (string option in new[]
            {
                "--broker <HOST[:PORT]>", "--user <NAME>", "--password <PW>", "--tls", "--config-key-file <FILE>", "--ca-file <PATH>",
                "--node-id <ID>", "--bmp280", "--every-reading", "--state <DIR>", "--seed <N>", "--no-jitter",
            })
            {
                Assert.Contains("\n  " + option + " ", output);
            }

            Assert.Equal("1883", DefaultShown(output, "--port <N>"));
            Assert.Equal("sensornode", DefaultShown(output, "--prefix <P>"));
            Assert.Equal("5", DefaultShown(output, "--interval <S>"));
            Assert.Equal("60", DefaultShown(output, "--keepalive <S>"));
            Assert.Equal("relay,led", DefaultShown(output, "--outputs <A,B>"));
            Assert.Equal("bme280", DefaultShown(output, "--chips <A,B>"));
            Assert.Equal("1", DefaultShown(output, "--nodes <N>"));
            Assert.Equal("60", DefaultShown(output, "--watchdog <S>"));
            Assert.Matches(@"\n  sign <JSON> +Prints JSON signed", output);
            Assert.Contains("type on its console: fail SENSOR nack|stuck|hang, heal SENSOR, help", output);
        }

        /// <summary>The "[default: …]" at the end of an option's help, which may wrap over several lines.</summary>
        private static string DefaultShown(string help, string option)
        {
            Match entry = Regex.Match(help, "\n  " + Regex.Escape(option) + " (.*?)(?=\n  -|\n\n)", RegexOptions.Singleline);
            Assert.True(entry.Success, option + " is not in the help:\n" + help);
            Match shown = Regex.Match(entry.Groups[1].Value, @"\[default: ([^\]]*)\]$");
            Assert.True(shown.Success, option + " shows no default: " + entry.Value);
            return shown.Groups[1].Value;
        }

        [Theory]
        [InlineData("missing", "--ca-file: cannot read '/nonexistent/ca.pem'")]
        [InlineData("folder", "--ca-file: cannot read '/etc'")]
        [InlineData("not-pem", "--ca-file: '/etc/hostname' holds no PEM certificate")]
        [InlineData("bad-pem", "is not a readable PEM certificate")]
        [InlineData("without-tls", "--ca-file needs --tls")]
        public void A_bad_ca_file_is_a_clear_error_with_exit_code_2(string @case, string expected)
        {
            string badPem = Path.GetTempFileName();
            try
            {
                File.WriteAllText(badPem, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
                string caFile = @case switch
                {
                    "missing" => "/nonexistent/ca.pem",
                    "folder" => "/etc",
                    "not-pem" => "/etc/hostname",
                    "bad-pem" => badPem,
                    _ => badPem,
                };
                string[] arguments = { "--broker", "127.0.0.1:1", "--ca-file", caFile, "--tls" };
                (int exitCode, _, string error) = SimulatorRun.Run(@case == "without-tls" ? arguments[..^1] : arguments);

                Assert.Equal(2, exitCode);
                Assert.Contains(expected, error);
            }
            finally
            {
                File.Delete(badPem);
            }
        }
    }
}
