using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// The simulator as its own process, started as the README starts it but pointed at a test's broker. The test
    /// reads its console, types console commands on its standard input, and can stop it in order (SIGTERM), kill it
    /// (SIGKILL: the socket closes without DISCONNECT) or freeze it (SIGSTOP: the socket stays open and silent, as
    /// a node that lost power behind a Wi-Fi access point). Disposing always leaves no process behind.
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

        private SimulatorProcess(string nodeId, IEnumerable<string> arguments)
        {
            NodeId = nodeId;
            ProcessStartInfo start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(SimulatorAssembly());
            // --every-reading: the contract tests watch readings and snapshots cycle by cycle; report by exception
            // has tests of its own (ReportByExceptionTests).
            IEnumerable<string> defaults = new[] { "--node-id", nodeId, "--interval", "1", "--keepalive", KeepAliveSeconds.ToString(), "--seed", "7" };
            if (!arguments.Contains("--by-exception"))
            {
                defaults = defaults.Append("--every-reading");
            }

            foreach (string argument in defaults.Concat(arguments.Where(a => a != "--by-exception")))
            {
                start.ArgumentList.Add(argument);
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Remember(e.Data);
            _process.ErrorDataReceived += (_, e) => Remember(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
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
            Signal(SigTerm);
            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                throw new TimeoutException("the simulator did not exit within " + timeout.TotalSeconds + " s of SIGTERM:\n" + Console);
            }

            _process.WaitForExit(); // drains the output readers
            return _process.ExitCode;
        }

        /// <summary>Waits for the simulator to end on its own (a watchdog restart); returns the exit code.</summary>
        public int WaitForExit(TimeSpan timeout)
        {
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
            Signal(SigStop);
        }

        public void Dispose()
        {
            try
            {
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
            }
        }

        private void Signal(int signal)
        {
            if (kill(_process.Id, signal) != 0)
            {
                throw new InvalidOperationException("kill(" + _process.Id + ", " + signal + ") failed: errno " + Marshal.GetLastPInvokeError());
            }
        }

        private void Remember(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(line);
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
