using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SensorNode.HostBoard.I2c;
using SensorNode.HostTestKit;
using Xunit;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>The board server as its own process, started the way host/VirtualEsp32/run.sh starts it.</summary>
    public sealed class CommandLineTests
    {
        [Fact]
        public void StartedWithAnAddressFileItServesTheDeviceAndPrintsThePins()
        {
            string folder = Directory.CreateTempSubdirectory("board-").FullName;
            string addressFile = Path.Combine(folder, "board.address");
            using ConsoleProcess server = Start("--chips", "bme280,sht3x", "--address-file", addressFile, "--seed", "3");
            try
            {
                Assert.True(HostedBoard.Eventually(() => File.Exists(addressFile)), "no address file");
                string address = File.ReadAllText(addressFile).Trim();
                using (BoardConnection device = BoardConnection.Device(address))
                {
                    Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
                    Assert.Equal("ok", device.Ask("gpio mode 26 3"));
                    Assert.Equal("ok", device.Ask("pwm set 32 1000 2500 1"));
                }

                Assert.True(HostedBoard.Eventually(() => server.Lines.Any(l => l.EndsWith("board pin 26 released (relay OFF)", StringComparison.Ordinal))), server.Console);
                string[] lines = server.Lines;
                Assert.Contains(lines, l => l.EndsWith(" board virtual ESP32 board listening on " + address + " (VESP32_BOARD); I2C bus 1: bme280 at 0x76, sht3x at 0x44; outputs relay (GPIO26, active low), relay2 (GPIO27, active low), led (GPIO25), strip (PWM on GPIO32)", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.EndsWith(" board pin 26 -> LOW (relay ON)", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.EndsWith(" board pwm pin 32 duty 25% at 1000 Hz (strip at 25 %)", StringComparison.Ordinal));
            }
            finally
            {
                server.Kill();
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ItStopsWhenTheProcessItWasToldToFollowEnds()
        {
            using Process parent = Process.Start(new ProcessStartInfo("sleep", "1") { UseShellExecute = false });
            using ConsoleProcess server = Start("--exit-with", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

            parent.WaitForExit();
            Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)), "the board outlived the process it follows");
            Assert.Equal(0, server.ExitCode);
        }

        [Theory]
        [InlineData("--chips bme280,foo", "--chips: no virtual chip 'foo'; there are {chips} (--help lists the options)")]
        [InlineData("--chips bmp280,bme680", "--chips: bme680 and bmp280 both answer at 0x77: one or the other (--help lists the options)")]
        [InlineData("--listen localhost", "--listen takes an IP address and a port, e.g. 127.0.0.1:0, not 'localhost' (--help lists the options)")]
        [InlineData("--seed -1", "--seed takes a whole number from 0 to 2147483647, not '-1' (--help lists the options)")]
        [InlineData("--port", "unknown option --port (--help lists the options)")]
        public void ABadCommandLineIsRefusedWithExitCode2(string arguments, string message)
        {
            // a console that stays open (the server reads requests from it), as run.sh starts it
            (int exitCode, _, string error) = ChildProcess.Run("dotnet", arguments.Split(' ').Prepend(Built.VirtualBoardAssembly), TimeSpan.FromSeconds(30), start => start.RedirectStandardInput = true);

            Assert.Equal(2, exitCode);
            Assert.Equal(message.Replace("{chips}", string.Join(", ", VirtualChips.Names), StringComparison.Ordinal), error.Trim());
        }

        /// <summary>The board server with a console that stays open (it reads requests from it), as run.sh starts it.</summary>
        private static ConsoleProcess Start(params string[] arguments)
        {
            return new ConsoleProcess("the board", "dotnet", arguments.Prepend(Built.VirtualBoardAssembly));
        }
    }
}
