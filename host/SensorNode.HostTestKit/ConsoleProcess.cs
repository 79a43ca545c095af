using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace SensorNode.HostTestKit
{
    /// <summary>
    /// A program started as a child process for a test or a bench: every line of its console (standard output and
    /// error) kept and waited for with a bound, commands typed on its standard input, Unix signals sent to it (SIGTERM
    /// to stop in order, SIGKILL, SIGSTOP). Disposing always leaves no process behind.
    /// </summary>
    public sealed class ConsoleProcess : IDisposable
    {
        public const int SigKill = 9;
        public const int SigTerm = 15;
        public const int SigCont = 18;
        public const int SigStop = 19;
        private readonly Process _process;
        private bool _disposed;
        private readonly List<string> _lines = new List<string>();
        private readonly Func<string, string> _translate;

        /// <param name="name">What the failure messages call it ("the simulator").</param>
        /// <param name="translate">Rewrites each console line as it arrives (none when null).</param>
        /// <param name="configure">May set a working folder or environment variables.</param>
        public ConsoleProcess(string name, string fileName, IEnumerable<string> arguments, Func<string, string> translate = null, Action<ProcessStartInfo> configure = null)
        {
            Name = name;
            _translate = translate;
            ProcessStartInfo start = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            configure?.Invoke(start);
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Remember(e.Data);
            _process.ErrorDataReceived += (_, e) => Remember(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Name { get; }

        /// <summary>The process itself, for what it costs (CPU time, memory, threads).</summary>
        public Process Process => _process;

        public int Id => _process.Id;

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

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

        /// <summary>The last <paramref name="count"/> console lines, for failure messages.</summary>
        public string Tail(int count) => string.Join("\n", Lines.TakeLast(count));

        public bool Printed(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        /// <summary>Waits for a console line containing <paramref name="text"/>; throws with the console on timeout.</summary>
        public string WaitForLine(string text, TimeSpan timeout)
        {
            return WaitForLine("line with '" + text + "'", l => l.Contains(text, StringComparison.Ordinal), timeout);
        }

        /// <summary>
        /// Waits for the first console line from index <paramref name="after"/> on that matches; throws a
        /// <see cref="TimeoutException"/> with the console on timeout, and with <paramref name="failIfExited"/> an
        /// <see cref="InvalidOperationException"/> as soon as the process has ended without printing it.
        /// </summary>
        public string WaitForLine(string what, Func<string, bool> match, TimeSpan timeout, int after = 0, bool failIfExited = false)
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

                    if (failIfExited && _process.HasExited)
                    {
                        throw new InvalidOperationException(Name + " ended (exit " + _process.ExitCode + ") before it printed " + what + ":\n" + string.Join("\n", _lines));
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        throw new TimeoutException(Name + " printed no " + what + " within " + timeout.TotalSeconds + " s:\n" + string.Join("\n", _lines));
                    }

                    Monitor.Wait(_lines, failIfExited ? TimeSpan.FromMilliseconds(Math.Min(200, left.TotalMilliseconds)) : left);
                }
            }
        }

        /// <summary>Types a line on its standard input.</summary>
        public void Type(string command)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
        }

        /// <summary>Waits for it to end, then for the rest of its console; false when it did not end in time.</summary>
        public bool WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                return false;
            }

            _process.WaitForExit(); // drains the output readers
            return true;
        }

        /// <summary>Sends it a Unix signal (<see cref="SigTerm"/>, <see cref="SigStop"/>…).</summary>
        public void Signal(int signal) => Signal(_process.Id, signal);

        public static void Signal(int pid, int signal)
        {
            if (kill(pid, signal) != 0)
            {
                throw new InvalidOperationException("kill(" + pid + ", " + signal + ") failed: errno " + Marshal.GetLastPInvokeError());
            }
        }

        /// <summary>SIGKILL: the process dies at once; the kernel closes its sockets without a word.</summary>
        public void Kill()
        {
            Signal(SigKill);
            _process.WaitForExit(10_000);
        }

        /// <summary>Ends the process if it still runs; a second call does nothing (a test may end it before its using does).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                if (!_process.HasExited)
                {
                    kill(_process.Id, SigCont); // a frozen process cannot act on anything else
                    _process.Kill(true);
                    _process.WaitForExit(10_000);
                }
            }
            finally
            {
                _process.Dispose();
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
                _lines.Add(_translate == null ? line : _translate(line));
                Monitor.PulseAll(_lines);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
