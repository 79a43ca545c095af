using System;
using System.Linq;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>The figures of one broker restart under a fleet, from mosquitto's log.</summary>
    public sealed class RestartResult
    {
        public string Name { get; init; }

        public int Nodes { get; init; }

        /// <summary>Seconds from starting the simulator process until the broker's log showed every node connected.</summary>
        public double FirstOnlineSeconds { get; init; }

        /// <summary>Accepted CONNECTs of the fleet per second, second 0 being the restarted broker's "running" line.</summary>
        public int[] ConnectsPerSecond { get; init; }

        /// <summary>Seconds from the restart until the last node's first connect, or null when not all came back.</summary>
        public long? AllBackSeconds { get; init; }

        public int NodesBack { get; init; }

        public TimeSpan SimulatorCpu { get; init; }

        public long SimulatorPeakMemoryBytes { get; init; }

        public int SimulatorPeakThreads { get; init; }

        public int? ExitCode { get; init; }

        /// <summary>The most CONNECTs in any sliding 1 s window, by when the broker's log lines arrived (ms).</summary>
        public int PeakInAnySecond { get; init; }

        /// <summary>The most CONNECTs in one of the log's whole seconds.</summary>
        public int Peak => ConnectsPerSecond.Length == 0 ? 0 : ConnectsPerSecond.Max();

        public int PeakSecond => Array.IndexOf(ConnectsPerSecond, Peak);
    }
}
