using System;
using System.IO;
using SensorNode.HostBoard.Security;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>
    /// The simulator's sign command as the docs use it, inside <c>-m "$(…)"</c>: the signed config and nothing else on
    /// standard output; a command line it cannot use is "sign: " and why on standard error, exit code 2.
    /// </summary>
    public sealed class SignCommandTests : IDisposable
    {
        private const string KeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        private readonly string _keyFile = Path.GetTempFileName();

        public SignCommandTests()
        {
            File.WriteAllText(_keyFile, KeyHex + "\n");
        }

        public void Dispose()
        {
            File.Delete(_keyFile);
        }

        [Fact]
        public void Standard_output_is_the_signed_config_alone()
        {
            const string json = "{\"broker_host\":\"b2\"}";

            (int exitCode, string output, string error) = SimulatorRun.Run("sign", "--key-file", _keyFile, "--node-id", "n1", "--counter", "42", json);

            Assert.Equal(0, exitCode);
            Assert.Equal(ConfigSigner.Sign(Convert.FromHexString(KeyHex), "n1", 42, json) + "\n", output);
            Assert.Equal("", error);
        }

        [Fact]
        public void Without_a_counter_it_is_the_time_in_milliseconds()
        {
            long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            (int exitCode, string output, _) = SimulatorRun.Run("sign", "{\"keepalive_s\":30}", "--key-file", _keyFile, "--node-id", "n1");

            long counter = long.Parse(output.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(0, exitCode);
            Assert.InRange(counter, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        [Theory]
        [InlineData("sign: needs --key-file FILE and the JSON", "{}")]
        [InlineData("sign: needs --key-file FILE and the JSON", "--key-file", "KEY")]
        [InlineData("sign: needs --node-id ID: the signature names the node it is for", "--key-file", "KEY", "{}")]
        [InlineData("sign: --counter takes a whole number from 1 to 9007199254740992, not '0'", "--key-file", "KEY", "--node-id", "n1", "--counter", "0", "{}")]
        [InlineData("sign: --counter takes a whole number from 1 to 9007199254740992, not 'soon'", "--key-file", "KEY", "--node-id", "n1", "--counter", "soon", "{}")]
        [InlineData("sign: --counter takes a whole number from 1 to 9007199254740992, not '9007199254740993'", "--key-file", "KEY", "--node-id", "n1", "--counter", "9007199254740993", "{}")]
        [InlineData("sign: --counter takes a whole number from 1 to 9007199254740992, not '999999999999999999'", "--key-file", "KEY", "--node-id", "n1", "--counter", "999999999999999999", "{}")]
        [InlineData("sign: the node would refuse this config: ", "--key-file", "KEY", "--node-id", "n1", "{\"interval_s\":}")]
        [InlineData("sign: the node would refuse this config: ", "--key-file", "KEY", "--node-id", "n1", "{\"interval_s\":5")]
        [InlineData("sign: the node would refuse this config: ", "--key-file", "KEY", "--node-id", "n1", "{\"no_such_setting\":5}")]
        [InlineData("sign: the JSON must be an object: {\"broker_host\":\"...\"}", "--key-file", "KEY", "--node-id", "n1", "[1]")]
        [InlineData("sign: unexpected 'extra'", "--key-file", "KEY", "--node-id", "n1", "{}", "extra")]
        [InlineData("sign: unexpected '--frob'", "--key-file", "KEY", "--node-id", "n1", "--frob", "{}")]
        [InlineData("sign: cannot read the key file '/nonexistent/node.key'", "--key-file", "/nonexistent/node.key", "--node-id", "n1", "{}")]
        [InlineData("sign: the key file '/etc/hostname' must hold 16 to 64 bytes as hex digits", "--key-file", "/etc/hostname", "--node-id", "n1", "{}")]
        public void A_command_line_it_cannot_use_is_a_clear_error_with_exit_code_2(string expected, params string[] arguments)
        {
            string[] command = new string[arguments.Length + 1];
            command[0] = "sign";
            for (int i = 0; i < arguments.Length; i++)
            {
                command[i + 1] = arguments[i] == "KEY" ? _keyFile : arguments[i];
            }

            (int exitCode, string output, string error) = SimulatorRun.Run(command);

            Assert.Equal(2, exitCode);
            Assert.Contains(expected, error);
            Assert.Contains("usage: dotnet run --project host/SensorNode.Simulator -- sign --key-file FILE --node-id ID [--counter N] JSON", error);
            Assert.Equal("", output);
        }

        [Fact]
        public void Help_shows_the_options_and_how_the_docs_use_it()
        {
            (int exitCode, string output, _) = SimulatorRun.Run("sign", "--help");

            Assert.Equal(0, exitCode);
            Assert.Contains("dotnet run --project host/SensorNode.Simulator -- sign [<JSON>] [options]", output);
            Assert.Contains("--key-file <FILE>", output);
            Assert.Contains("--counter <N>", output);
            Assert.Contains("-m \"$(dotnet run --project host/SensorNode.Simulator -- sign --key-file node.key --node-id NODE '{\"broker_host\":\"b2\"}')\"", output);
        }
    }
}
