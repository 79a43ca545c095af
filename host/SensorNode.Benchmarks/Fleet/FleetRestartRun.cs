using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// One broker restart under a fleet: a private mosquitto, the simulator with <c>--nodes N</c> on it, all online,
    /// the broker killed, down for the outage, started again on the same port; connects counted from its log.
    /// </summary>
    public static class FleetRestartRun
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan BackTimeout = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

        /// <summary>At least this long after the restart is recorded, so a late wave of reconnects shows (cap 30 s + 5 s + margin).</summary>
        public const int RecordedSeconds = 45;

        /// <summary>
        /// The broker's log at notice level (every TCP connection and CONNECT), timestamps in epoch seconds (mosquitto's
        /// default; it offers nothing finer), no limit on connections. Each client also takes a file descriptor: the
        /// broker inherits this process's limit (ulimit -n), which must exceed the fleet.
        /// </summary>
        private static readonly string[] BrokerConfig =
        {
            "log_dest stderr", "log_type error", "log_type warning", "log_type notice", "log_type information",
            "log_timestamp true", "max_connections -1",
        };

        public static RestartResult Measure(string name, int nodes, int outageSeconds, bool jitter)
        {
            string nodeId = "fleet" + (jitter ? "j" : "n");
            string clientPrefix = "sensornode-" + nodeId + "-";
            int port = LoopbackPorts.Free();
            MosquittoBroker broker = MosquittoBroker.Start(port: port, extraConfig: BrokerConfig);
            try
            {
                Console.WriteLine($"[{name}] mosquitto (pid {broker.ProcessId}) on {broker.Host}:{port}; starting {nodes} nodes");
                List<string> arguments = new List<string>
                {
                    "--broker", broker.Host + ":" + port, "--nodes", nodes.ToString(), "--node-id", nodeId,
                    "--interval", "60", "--keepalive", "60", "--seed", "20261130",
                };
                if (!jitter)
                {
                    arguments.Add("--no-jitter");
                }

                // Start-up is timed by this process's clock (the simulator's own start-up, .NET's included, is seconds,
                // finer than the log's), up to the 200 ms at which the log is read.
                Stopwatch sinceStart = Stopwatch.StartNew();
                using FleetProcess fleet = new FleetProcess(arguments);
                WaitForAll(broker, clientPrefix, nodes, StartTimeout, fleet, "come online");
                double allOnline = sinceStart.Elapsed.TotalSeconds;
                Console.WriteLine($"[{name}] all {nodes} online {allOnline:0.0} s after the simulator started (mosquitto {broker.Version})");
                Thread.Sleep(Settle);

                broker.Dispose(); // SIGKILL: every node's socket closes at once, as in a broker crash or a hard restart
                broker = null;
                Console.WriteLine($"[{name}] broker stopped; down for {outageSeconds} s");
                Thread.Sleep(TimeSpan.FromSeconds(outageSeconds));
                ConnectArrivals arrivals = new ConnectArrivals(clientPrefix);
                broker = MosquittoBroker.Start(port: port, extraConfig: BrokerConfig, onLogLine: arrivals.OnLogLine);
                long restartedAt = BrokerConnectLog.Parse(broker.Output()).StartedAt ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                Console.WriteLine($"[{name}] broker started again on port {port}");

                long? allBackAt = TryWaitForAll(broker, clientPrefix, nodes, BackTimeout, fleet);
                long recordUntil = restartedAt + Math.Max(RecordedSeconds, (allBackAt ?? restartedAt) - restartedAt + 5);
                while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= recordUntil)
                {
                    Thread.Sleep(250);
                }

                BrokerConnectLog log = BrokerConnectLog.Parse(broker.Output());
                TimeSpan cpu = fleet.CpuTime;
                long memory = fleet.PeakMemoryBytes;
                int threads = fleet.PeakThreads;
                int? exit = fleet.Terminate(TimeSpan.FromSeconds(30));
                Console.WriteLine($"[{name}] " + (allBackAt == null ? $"only {log.DistinctClients(clientPrefix)} of {nodes} back within {BackTimeout.TotalSeconds} s" : $"all back {allBackAt - restartedAt} s after the restart") + $"; simulator stopped (exit {exit?.ToString() ?? "none: did not stop in 30 s"})");
                return new RestartResult
                {
                    Name = name,
                    Nodes = nodes,
                    FirstOnlineSeconds = allOnline,
                    ConnectsPerSecond = log.PerSecond(clientPrefix, restartedAt, (int)(recordUntil - restartedAt)),
                    PeakInAnySecond = arrivals.PeakIn(TimeSpan.FromSeconds(1)),
                    AllBackSeconds = allBackAt - restartedAt,
                    NodesBack = log.DistinctClients(clientPrefix),
                    SimulatorCpu = cpu,
                    SimulatorPeakMemoryBytes = memory,
                    SimulatorPeakThreads = threads,
                    ExitCode = exit,
                };
            }
            finally
            {
                broker?.Dispose();
            }
        }

        private static long WaitForAll(MosquittoBroker broker, string prefix, int nodes, TimeSpan timeout, FleetProcess fleet, string what)
        {
            return TryWaitForAll(broker, prefix, nodes, timeout, fleet)
                ?? throw new TimeoutException($"only {BrokerConnectLog.Parse(broker.Output()).DistinctClients(prefix)} of {nodes} nodes did {what} within {timeout.TotalSeconds} s; simulator:\n{fleet.Tail(30)}");
        }

        /// <summary>The epoch second (broker log) of the last node's first connect, or null when not all connected in time.</summary>
        private static long? TryWaitForAll(MosquittoBroker broker, string prefix, int nodes, TimeSpan timeout, FleetProcess fleet)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (waited.Elapsed < timeout && !fleet.HasExited)
            {
                long? at = BrokerConnectLog.Parse(broker.Output()).AllConnectedAt(prefix, nodes);
                if (at != null)
                {
                    return at;
                }

                Thread.Sleep(200);
            }

            return null;
        }
    }
}
