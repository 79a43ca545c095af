using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace SensorNode.HostBoard.Brokers
{
    /// <summary>
    /// A private mosquitto on a free loopback port with a throwaway config, stopped (and its files removed) on
    /// <see cref="Dispose"/>. Never touches a system-wide broker.
    /// </summary>
    public sealed class MosquittoBroker : IBroker
    {
        private const int StartTimeoutMs = 10_000;
        private readonly Process _process;
        private readonly DirectoryInfo _directory;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly Action<string> _onLogLine;

        private MosquittoBroker(string executable, int port, bool tcpNoDelay, bool allowAnonymous, IEnumerable<string> extraConfig, BrokerTls tls, Action<string> onLogLine)
        {
            Port = port;
            _onLogLine = onLogLine;
            Tls = tls;
            _directory = Directory.CreateTempSubdirectory("sensornode-mosquitto-");
            string configPath = Path.Combine(_directory.FullName, "mosquitto.conf");
            string config = $"listener {port} 127.0.0.1\nallow_anonymous {(allowAnonymous ? "true" : "false")}\npersistence false\n";
            if (tcpNoDelay)
            {
                config += "set_tcp_nodelay true\n";
            }

            foreach (string line in extraConfig ?? Array.Empty<string>())
            {
                config += line + "\n";
            }

            if (tls != null)
            {
                // mosquitto 2.0: these belong to the listener above; it then accepts only TLS (1.2 or later).
                config += $"cafile {tls.CaFile}\ncertfile {tls.CertFile}\nkeyfile {tls.KeyFile}\ntls_version tlsv1.2\n";
                // Started as root, mosquitto drops to the user "mosquitto" before it reads these files, which sit in
                // a folder only we can read: it stays the user it was started as (no effect for any other user).
                config += $"user {Environment.UserName}\n";
            }

            File.WriteAllText(configPath, config);

            ProcessStartInfo start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(configPath);
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Remember(e.Data);
            _process.ErrorDataReceived += (_, e) => Remember(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Port { get; }

        /// <summary>The listener's TLS files, or null when it listens without TLS.</summary>
        public BrokerTls Tls { get; }

        public string Host => "127.0.0.1";

        public int ProcessId => _process.Id;

        /// <summary>From mosquitto's start-up line "mosquitto version 2.0.11 running"; "?" when not seen.</summary>
        public string Version
        {
            get
            {
                const string Marker = "mosquitto version ";
                string output = Output();
                int start = output.IndexOf(Marker, StringComparison.Ordinal);
                if (start < 0)
                {
                    return "?";
                }

                start += Marker.Length;
                int end = output.IndexOf(' ', start);
                return end < 0 ? "?" : output.Substring(start, end - start);
            }
        }

        public string Name => "mosquitto " + Version;

        /// <summary>True when a mosquitto executable is installed (the integration tests skip it locally otherwise).</summary>
        public static bool IsInstalled => FindExecutableOrNull() != null;

        /// <summary>Starts mosquitto and returns once it accepts TCP connections.</summary>
        /// <param name="tcpNoDelay">Turns off Nagle's algorithm on the broker's sockets (mosquitto's default: on).</param>
        /// <param name="port">Loopback port; a free one when 0.</param>
        /// <param name="allowAnonymous">False: only clients with a user name and password are let in (then pass a
        /// <c>password_file</c> line in <paramref name="extraConfig"/>).</param>
        /// <param name="extraConfig">Lines appended to the generated mosquitto.conf, e.g. <c>password_file /abs/path</c>
        /// and <c>acl_file /abs/path</c>. The files they name are the
        /// caller's to write (before the start: mosquitto reads them then) and to remove.</param>
        /// <param name="tls">The listener's TLS files: it then speaks only MQTT over TLS. Null: plain TCP.</param>
        /// <param name="onLogLine">Called with every line mosquitto prints, as it arrives (on a reader thread), from
        /// its first line on: for timing what its log says more finely than its whole-second timestamps.</param>
        public static MosquittoBroker Start(bool tcpNoDelay = false, int port = 0, bool allowAnonymous = true, IEnumerable<string> extraConfig = null, BrokerTls tls = null, Action<string> onLogLine = null)
        {
            MosquittoBroker broker = new MosquittoBroker(FindExecutable(), port == 0 ? LoopbackPorts.Free() : port, tcpNoDelay, allowAnonymous, extraConfig, tls, onLogLine);
            try
            {
                broker.WaitUntilListening();
                return broker;
            }
            catch
            {
                broker.Dispose();
                throw;
            }
        }

        /// <summary>
        /// SIGHUP, as <c>systemctl reload mosquitto</c>: mosquitto reads its password and ACL files again and
        /// disconnects the clients they no longer let in.
        /// </summary>
        public void Reload()
        {
            const int SigHup = 1;
            if (kill(_process.Id, SigHup) != 0)
            {
                throw new InvalidOperationException("kill(" + _process.Id + ", SIGHUP) failed: errno " + Marshal.GetLastPInvokeError());
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5_000);
                }
            }
            finally
            {
                _process.Dispose();
                _directory.Delete(true);
            }
        }

        private static string FindExecutable()
        {
            return FindExecutableOrNull()
                ?? throw new InvalidOperationException("mosquitto not found on PATH or in /usr/sbin; install it: apt-get install -y mosquitto");
        }

        private static string FindExecutableOrNull()
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, "mosquitto");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            const string DebianLocation = "/usr/sbin/mosquitto"; // not on a non-root user's PATH
            if (File.Exists(DebianLocation))
            {
                return DebianLocation;
            }

            return null;
        }

        private void WaitUntilListening()
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (waited.ElapsedMilliseconds < StartTimeoutMs)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode}: {Output()}");
                }

                try
                {
                    using TcpClient probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            throw new TimeoutException($"mosquitto did not listen on port {Port} within {StartTimeoutMs} ms: {Output()}");
        }

        private void Remember(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            _onLogLine?.Invoke(line);
        }

        /// <summary>What mosquitto printed so far (its log goes to stderr), for failure messages.</summary>
        public string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
