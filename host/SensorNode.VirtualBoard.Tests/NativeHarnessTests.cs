using System;
using System.Diagnostics;
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
                Run("bash", new[] { Path.Combine(Paths.RepoRoot, "host/VirtualEsp32/native/board/harness/build.sh"), harness }, null, out string buildOutput, out int built);
                Assert.True(built == 0, "build.sh failed:\n" + buildOutput);

                using HostedBoard board = new HostedBoard();
                Run(harness, Array.Empty<string>(), board.Address, out string output, out int exitCode);

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

        private static void Run(string program, string[] arguments, string boardAddress, out string output, out int exitCode)
        {
            ProcessStartInfo start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            if (boardAddress != null)
            {
                start.Environment["VESP32_BOARD"] = boardAddress;
            }

            using Process process = Process.Start(start);
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            output += error.Result;
            exitCode = process.ExitCode;
        }

        private static bool OnPath(string program)
        {
            return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(folder => File.Exists(Path.Combine(folder, program)));
        }
    }
}
