using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// The simulator as its own process, started as the README starts it but pointed at a test's broker. The test
    /// reads its console, types console commands on its standard input, and can stop it in order (SIGTERM), kill it
    /// (SIGKILL: the socket closes without DISCONNECT) or freeze it (SIGSTOP: the socket stays open and silent, as
    /// a node that lost power behind a Wi-Fi access point). Disposing always leaves no process behind.
    /// With SENSORNODE_NODE=virtual-esp32 (<see cref="TestedNode"/>) the process is the firmware image in the virtual
    /// ESP32 instead (host/VirtualEsp32/run.sh), its options mapped by <see cref="VirtualEsp32Arguments"/> and its
    /// console read by <see cref="VirtualEsp32Console"/>; what only the simulator can do skips the test.
    /// </summary>
    public sealed class SimulatorProcess : IDisposable
    {
        public const int KeepAliveSeconds = 5; // the smallest the node accepts, so Last-Will tests are quick
        private static readonly SemaphoreSlim VirtualEsp32Starts = new SemaphoreSlim(1, 1);
        private readonly ConsoleProcess _process;
        private readonly string _flash;
        private readonly VirtualEsp32Console _console;
        private int _frozenDevice;

        private SimulatorProcess(string nodeId, IEnumerable<string> arguments)
        {
            NodeId = nodeId;
            // --every-reading: the contract tests watch readings and snapshots cycle by cycle; report by exception
            // has tests of its own (ReportByExceptionTests).
            IEnumerable<string> defaults = new[] { "--node-id", nodeId, "--interval", "1", "--keepalive", KeepAliveSeconds.ToString(), "--seed", "7" };
            if (!arguments.Contains("--by-exception"))
            {
                defaults = defaults.Append("--every-reading");
            }

            List<string> simulatorArguments = defaults.Concat(arguments.Where(a => a != "--by-exception")).ToList();
            if (!TestedNode.IsVirtualEsp32)
            {
                _process = new ConsoleProcess("the simulator", "dotnet", simulatorArguments.Prepend(Built.SimulatorAssembly));
                return;
            }

            // The same test against the firmware image: run.sh with the mapped options, on a flash of its own.
            _flash = Directory.CreateTempSubdirectory("sensornode-vesp32-flash-").FullName;
            _console = new VirtualEsp32Console();
            // One run.sh at a time until its device starts: each checks and may rebuild the image and the board in the
            // one build folder, which two at once would tear down under each other.
            VirtualEsp32Starts.Wait();
            try
            {
                List<string> mapped = VirtualEsp32Arguments.Map(simulatorArguments, _flash);
                TestedNode.EnsureBuilt();
                _process = new ConsoleProcess("the simulator", "bash", mapped.Prepend(TestedNode.RunScript), _console.Translate);
                _process.WaitForLine("the device's start (\"virtual ESP32: node ...\")", l => l.StartsWith("virtual ESP32: node ", StringComparison.Ordinal),
                    TimeSpan.FromMinutes(10), failIfExited: true);
            }
            catch
            {
                Dispose();
                throw;
            }
            finally
            {
                VirtualEsp32Starts.Release();
            }
        }

        public string NodeId { get; }

        public string Base => "sensornode/" + NodeId;

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        /// <summary>The simulator connected to a broker the test started.</summary>
        public static SimulatorProcess Start(IBroker broker, string nodeId, params string[] extraArguments)
        {
            return Start(broker.Host, broker.Port, nodeId, extraArguments);
        }

        /// <summary>The simulator pointed at <paramref name="host"/>:<paramref name="port"/>, e.g. a fault proxy in front of a broker.</summary>
        public static SimulatorProcess Start(string host, int port, string nodeId, params string[] extraArguments)
        {
            return new SimulatorProcess(nodeId, new[] { "--broker", host + ":" + port }.Concat(extraArguments));
        }

        /// <summary>The simulator as the README runs it, with its embedded broker (on <paramref name="port"/>).</summary>
        public static SimulatorProcess StartWithEmbeddedBroker(int port, string nodeId)
        {
            return new SimulatorProcess(nodeId, new[] { "--port", port.ToString() });
        }

        /// <summary>Every console line so far, for assertions and failure messages.</summary>
        public string[] Lines => _process.Lines;

        public string Console => _process.Console;

        /// <summary>Waits for a console line containing <paramref name="text"/>; throws with the console on timeout.</summary>
        public string WaitForLine(string text, TimeSpan timeout) => _process.WaitForLine(text, timeout);

        /// <summary>
        /// Waits for the first console line from index <paramref name="after"/> on that matches; throws with the
        /// console on timeout.
        /// </summary>
        public string WaitForLine(string what, Func<string, bool> match, TimeSpan timeout, int after = 0) => _process.WaitForLine(what, match, timeout, after);

        public bool Printed(string text) => _process.Printed(text);

        /// <summary>Types a console command (see the simulator's ControlConsole).</summary>
        public void Type(string command) => _process.Type(command);

        /// <summary>SIGTERM, as systemd or Ctrl+C would: the node stops in order. Returns the exit code.</summary>
        public int Terminate(TimeSpan timeout)
        {
            if (_console != null)
            {
                throw new SkipException("SIGTERM: the simulator's orderly stop (outputs safe, offline, exit 0); an ESP32 has none, and run.sh ends the virtual ESP32 on SIGTERM as a power cut");
            }

            _process.Signal(ConsoleProcess.SigTerm);
            if (!_process.WaitForExit(timeout))
            {
                throw new TimeoutException("the simulator did not exit within " + timeout.TotalSeconds + " s of SIGTERM:\n" + Console);
            }

            return _process.ExitCode;
        }

        /// <summary>
        /// Stops the node so that it can be started again on the same --state: the simulator in order (SIGTERM, which
        /// must end it with exit code 0), the virtual ESP32 as a device stops, by a power cut (it has no orderly stop).
        /// </summary>
        public void StopForRestart(TimeSpan timeout)
        {
            if (_console != null)
            {
                Kill();
                return;
            }

            int exitCode = Terminate(timeout);
            Assert.True(exitCode == 0, "the simulator's orderly stop ended with exit code " + exitCode + ":\n" + Console);
        }

        /// <summary>Waits for the simulator to end on its own (a watchdog restart); returns the exit code.</summary>
        public int WaitForExit(TimeSpan timeout)
        {
            if (_console != null)
            {
                throw new SkipException("the simulator's exit on a restart (75); run.sh restarts the virtual ESP32 itself");
            }

            if (!_process.WaitForExit(timeout))
            {
                throw new TimeoutException("the simulator did not exit within " + timeout.TotalSeconds + " s:\n" + Console);
            }

            return _process.ExitCode;
        }

        /// <summary>SIGKILL: the process dies at once; the kernel closes its socket without an MQTT DISCONNECT.</summary>
        public void Kill() => _process.Kill();

        /// <summary>SIGSTOP: the process stops running but its TCP connection stays open and silent.</summary>
        public void Freeze()
        {
            if (_console == null)
            {
                _process.Signal(ConsoleProcess.SigStop);
                return;
            }

            // run.sh is a script waiting for the device: the device (nanoCLR) is what must stop, its sockets open.
            _frozenDevice = DeviceProcess();
            ConsoleProcess.Signal(_frozenDevice, ConsoleProcess.SigStop);
        }

        public void Dispose()
        {
            try
            {
                if (_frozenDevice != 0)
                {
                    ConsoleProcess.Signal(_frozenDevice, ConsoleProcess.SigCont);
                }

                _process?.Dispose();
            }
            finally
            {
                if (_flash != null)
                {
                    try
                    {
                        Directory.Delete(_flash, true);
                    }
                    catch (IOException)
                    {
                        // a temporary folder: left for the system's cleaning if the device still held a file
                    }
                }
            }
        }

        /// <summary>The nanoCLR process run.sh started (its child vesp32-nanoclr).</summary>
        private int DeviceProcess()
        {
            foreach (string child in File.ReadAllText("/proc/" + _process.Id + "/task/" + _process.Id + "/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string name = File.ReadAllText("/proc/" + child + "/comm").Trim();
                if (name.StartsWith("vesp32-nanoclr", StringComparison.Ordinal))
                {
                    return int.Parse(child);
                }
            }

            throw new InvalidOperationException("run.sh (pid " + _process.Id + ") has no running vesp32-nanoclr to freeze:\n" + Console);
        }
    }
}
