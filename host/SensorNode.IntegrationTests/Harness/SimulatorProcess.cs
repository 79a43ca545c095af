using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
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
        private const int SigKill = 9;
        private const int SigTerm = 15;
        private const int SigCont = 18;
        private const int SigStop = 19;
        private readonly Process _process;
        private readonly List<string> _lines = new List<string>();
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
            ProcessStartInfo start;
            if (TestedNode.IsVirtualEsp32)
            {
                // The same test against the firmware image: run.sh with the mapped options, on a flash of its own.
                _flash = Directory.CreateTempSubdirectory("sensornode-vesp32-flash-").FullName;
                try
                {
                    List<string> mapped = VirtualEsp32Arguments.Map(simulatorArguments, _flash);
                    TestedNode.EnsureBuilt();
                    start = new ProcessStartInfo("bash");
                    start.ArgumentList.Add(TestedNode.RunScript);
                    mapped.ForEach(start.ArgumentList.Add);
                }
                catch
                {
                    Directory.Delete(_flash, true);
                    throw;
                }

                _console = new VirtualEsp32Console();
            }
            else
            {
                start = new ProcessStartInfo("dotnet");
                start.ArgumentList.Add(SimulatorAssembly());
                simulatorArguments.ForEach(start.ArgumentList.Add);
            }

            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Remember(e.Data);
            _process.ErrorDataReceived += (_, e) => Remember(e.Data);
            if (_console == null)
            {
                StartProcess();
                return;
            }

            // One run.sh at a time until its device starts: each checks and may rebuild the image and the board in the
            // one build folder, which two at once would tear down under each other.
            VirtualEsp32Starts.Wait();
            try
            {
                StartProcess();
                WaitForDeviceStart();
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

        private static readonly SemaphoreSlim VirtualEsp32Starts = new SemaphoreSlim(1, 1);

        private void StartProcess()
        {
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>Until run.sh says the device starts ("virtual ESP32: node ..."); throws at once if run.sh ended first.</summary>
        private void WaitForDeviceStart()
        {
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
            lock (_lines)
            {
                while (!_lines.Any(l => l.StartsWith("virtual ESP32: node ", StringComparison.Ordinal)))
                {
                    if (_process.HasExited || DateTime.UtcNow > deadline)
                    {
                        throw new InvalidOperationException("run.sh " + (_process.HasExited ? "ended (exit " + _process.ExitCode + ")" : "did not start the device within 10 minutes")
                            + " before the device started:\n" + string.Join("\n", _lines));
                    }

                    Monitor.Wait(_lines, 200);
                }
            }
        }

        public string NodeId { get; }

        public string Base => "sensornode/" + NodeId;

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        /// <summary>The simulator connected to a broker the test started.</summary>
        public static SimulatorProcess Start(IBroker broker, string nodeId, params string[] extraArguments)
        {
            return new SimulatorProcess(nodeId, new[] { "--broker", broker.Host + ":" + broker.Port }.Concat(extraArguments));
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
        public string[] Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        public string Console => string.Join("\n", Lines);

        /// <summary>Waits for a console line containing <paramref name="text"/>; throws with the console on timeout.</summary>
        public string WaitForLine(string text, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                while (true)
                {
                    string line = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                    if (line != null)
                    {
                        return line;
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        throw new TimeoutException("the simulator printed no line with '" + text + "' within " + timeout.TotalSeconds + " s:\n" + string.Join("\n", _lines));
                    }

                    Monitor.Wait(_lines, left);
                }
            }
        }

        /// <summary>
        /// Waits for the first console line from index <paramref name="after"/> on that matches; throws with the
        /// console on timeout.
        /// </summary>
        public string WaitForLine(string what, Func<string, bool> match, TimeSpan timeout, int after = 0)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                while (true)
                {
                    string line = _lines.Skip(after).FirstOrDefault(match);
                    if (line != null)
                    {
                        return line;
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        throw new TimeoutException("the simulator printed no " + what + " within " + timeout.TotalSeconds + " s:\n" + string.Join("\n", _lines));
                    }

                    Monitor.Wait(_lines, left);
                }
            }
        }

        public bool Printed(string text)
        {
            return Lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }

        /// <summary>Types a console command (see the simulator's ControlConsole).</summary>
        public void Type(string command)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
        }

        /// <summary>SIGTERM, as systemd or Ctrl+C would: the node stops in order. Returns the exit code.</summary>
        public int Terminate(TimeSpan timeout)
        {
            if (_console != null)
            {
                throw new SkipException("SIGTERM: the simulator's orderly stop (outputs safe, offline, exit 0); an ESP32 has none, and run.sh ends the virtual ESP32 on SIGTERM as a power cut");
            }

            Signal(SigTerm);
            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                throw new TimeoutException("the simulator did not exit within " + timeout.TotalSeconds + " s of SIGTERM:\n" + Console);
            }

            _process.WaitForExit(); // drains the output readers
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

            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                throw new TimeoutException("the simulator did not exit within " + timeout.TotalSeconds + " s:\n" + Console);
            }

            _process.WaitForExit(); // drains the output readers
            return _process.ExitCode;
        }

        /// <summary>SIGKILL: the process dies at once; the kernel closes its socket without an MQTT DISCONNECT.</summary>
        public void Kill()
        {
            Signal(SigKill);
            _process.WaitForExit(10_000);
        }

        /// <summary>SIGSTOP: the process stops running but its TCP connection stays open and silent.</summary>
        public void Freeze()
        {
            if (_console == null)
            {
                Signal(SigStop);
                return;
            }

            // run.sh is a script waiting for the device: the device (nanoCLR) is what must stop, its sockets open.
            _frozenDevice = DeviceProcess();
            Signal(_frozenDevice, SigStop);
        }

        public void Dispose()
        {
            try
            {
                if (_frozenDevice != 0)
                {
                    kill(_frozenDevice, SigCont);
                }

                if (!_process.HasExited)
                {
                    Signal(SigCont); // a frozen process cannot act on anything else
                    _process.Kill(true);
                    _process.WaitForExit(10_000);
                }
            }
            finally
            {
                _process.Dispose();
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

        private void Signal(int signal)
        {
            Signal(_process.Id, signal);
        }

        private static void Signal(int pid, int signal)
        {
            if (kill(pid, signal) != 0)
            {
                throw new InvalidOperationException("kill(" + pid + ", " + signal + ") failed: errno " + Marshal.GetLastPInvokeError());
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

        private void Remember(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(_console == null ? line : _console.Translate(line));
                Monitor.PulseAll(_lines);
            }
        }

        /// <summary>The built simulator, to run with dotnet.</summary>
        public static string SimulatorAssembly()
        {
            return typeof(SimulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "SimulatorAssembly").Value;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
