using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SensorNode.HostTestKit;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// The simulator with <c>--nodes N</c> as a child process, as a user runs a fleet: its console kept for failure
    /// messages, what it costs (CPU time, peak memory, threads) sampled while it runs, stopped in order by SIGTERM.
    /// </summary>
    public sealed class FleetProcess : IDisposable
    {
        private readonly ConsoleProcess _process;
        private readonly Timer _sampler;
        private int _peakThreads;

        public FleetProcess(IEnumerable<string> arguments)
        {
            _process = new ConsoleProcess("the simulator", "dotnet", arguments.Prepend(Built.SimulatorAssembly));
            _sampler = new Timer(_ => Sample(), null, 0, 500);
        }

        public bool HasExited => _process.HasExited;

        /// <summary>The last console lines, for failure messages.</summary>
        public string Tail(int lines) => _process.Tail(lines);

        /// <summary>CPU time (user + kernel) the simulator used so far.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Process.Refresh();
                return _process.Process.TotalProcessorTime;
            }
        }

        /// <summary>Peak resident memory (VmHWM) so far, in bytes.</summary>
        public long PeakMemoryBytes
        {
            get
            {
                _process.Process.Refresh();
                return _process.Process.PeakWorkingSet64;
            }
        }

        public int PeakThreads => Volatile.Read(ref _peakThreads);

        /// <summary>SIGTERM, then waits for the orderly stop of every node; the exit code, or null when it did not exit in time.</summary>
        public int? Terminate(TimeSpan timeout)
        {
            _sampler.Dispose();
            _process.Signal(ConsoleProcess.SigTerm);
            return _process.WaitForExit(timeout) ? _process.ExitCode : null;
        }

        public void Dispose()
        {
            _sampler.Dispose();
            _process.Dispose();
        }

        private void Sample()
        {
            try
            {
                _process.Process.Refresh();
                int threads = _process.Process.Threads.Count;
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
    }
}
