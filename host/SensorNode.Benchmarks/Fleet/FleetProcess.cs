using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// The simulator with <c>--nodes N</c> as a child process, as a user runs a fleet: its console kept for failure
    /// messages, what it costs (CPU time, peak memory, threads) sampled while it runs, stopped in order by SIGTERM.
    /// </summary>
    public sealed class FleetProcess : IDisposable
    {
        private const int SigTerm = 15;
        private readonly Process _process;
        private readonly List<string> _lines = new List<string>();
        private readonly Timer _sampler;
        private int _peakThreads;

        public FleetProcess(IEnumerable<string> arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            start.ArgumentList.Add(SimulatorAssembly());
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Remember(e.Data);
            _process.ErrorDataReceived += (_, e) => Remember(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _sampler = new Timer(_ => Sample(), null, 0, 500);
        }

        public bool HasExited => _process.HasExited;

        /// <summary>The last console lines, for failure messages.</summary>
        public string Tail(int lines)
        {
            lock (_lines)
            {
                return string.Join("\n", _lines.Skip(Math.Max(0, _lines.Count - lines)));
            }
        }

        public int WarningLines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Count(l => l.Contains(" warn ", StringComparison.Ordinal));
                }
            }
        }

        /// <summary>CPU time (user + kernel) the simulator used so far.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <summary>Peak resident memory (VmHWM) so far, in bytes.</summary>
        public long PeakMemoryBytes
        {
            get
            {
                _process.Refresh();
                return _process.PeakWorkingSet64;
            }
        }

        public int PeakThreads => Volatile.Read(ref _peakThreads);

        /// <summary>SIGTERM, then waits for the orderly stop of every node; the exit code, or null when it did not exit in time.</summary>
        public int? Terminate(TimeSpan timeout)
        {
            _sampler.Dispose();
            if (kill(_process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException("kill(" + _process.Id + ", SIGTERM) failed: errno " + Marshal.GetLastPInvokeError());
            }

            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                return null;
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            _sampler.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        private void Sample()
        {
            try
            {
                _process.Refresh();
                int threads = _process.Threads.Count;
                if (threads > _peakThreads)
                {
                    Volatile.Write(ref _peakThreads, threads);
                }
            }
            catch (InvalidOperationException)
            {
                // exited
            }
        }

        private void Remember(string line)
        {
            if (line != null)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        }

        private static string SimulatorAssembly()
        {
            return typeof(FleetProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SimulatorAssembly").Value;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
