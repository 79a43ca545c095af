using System;
using SensorNode.HostTestKit;
using System.IO;
using System.Linq;
using Xunit;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>
    /// The device's own client code (host/VirtualEsp32/native/board: board_link, board_requests, esp32_pins), compiled
    /// with the host's C++ compiler into its harness and run against a board hosted here: what it sent must have
    /// arrived. Skipped, saying so, where there is no C++ compiler (the virtual ESP32 is not built there either).
    /// </summary>
    public sealed class NativeHarnessTests
    {
        [SkippableFact]
        public void TheNativeClientPassesItsChecksAgainstALiveBoard()
        {
            string compiler = Environment.GetEnvironmentVariable("CXX") ?? "g++";
            Skip.IfNot(OnPath(compiler), "no C++ compiler (" + compiler + "): the natives' harness is not built here");
            string folder = Directory.CreateTempSubdirectory("board-harness-").FullName;
            try
            {
                string harness = Path.Combine(folder, "board_harness");
                (int built, string buildOutput, string buildError) = ChildProcess.Run("bash", new[] { Path.Combine(Built.RepoRoot, "host/VirtualEsp32/native/board/harness/build.sh"), harness }, TimeSpan.FromMinutes(10));
                Assert.True(built == 0, "build.sh failed:\n" + buildOutput + buildError);

                using HostedBoard board = new HostedBoard();
                (int exitCode, string stdout, string stderr) = ChildProcess.Run(harness, Array.Empty<string>(), TimeSpan.FromMinutes(1), start => start.Environment["VESP32_BOARD"] = board.Address);
                string output = stdout + stderr;

                Assert.True(exitCode == 0, output);
                Assert.Matches(@"(?m)^[1-9]\d* passed, 0 failed$", output);
                Assert.Contains("pin 27 -> HIGH (relay2 OFF)", board.Lines);
                Assert.Contains("pwm pin 32 duty 40% at 1000 Hz (strip at 40 %)", board.Lines);
                Assert.True(HostedBoard.Eventually(() => !board.Pins.Pin(27).Open), "the harness's pins were not released when it ended");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        private static bool OnPath(string program)
        {
            return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(folder => File.Exists(Path.Combine(folder, program)));
        }
    }
}
