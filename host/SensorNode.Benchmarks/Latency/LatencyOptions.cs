namespace SensorNode.Benchmarks.Latency
{
    /// <summary>
    /// What "latency" measures (its command line: <see cref="LatencyCommand.Create"/>). The defaults are the plain case:
    /// commands back to back (each sent as soon as the previous one switched the output) through mosquitto with its
    /// default socket options.
    /// </summary>
    public sealed class LatencyOptions
    {
        public const int MinimumCommands = 1_000;

        public LatencyOptions(int commands, int gapMs, bool brokerTcpNoDelay)
        {
            Commands = commands;
            GapMs = gapMs;
            BrokerTcpNoDelay = brokerTcpNoDelay;
        }

        public int Commands { get; }

        /// <summary>Pause before each command, e.g. to let TCP's delayed ACK timer run out as between human commands.</summary>
        public int GapMs { get; }

        /// <summary>Adds "set_tcp_nodelay true" to mosquitto's config (its default is Nagle's algorithm on).</summary>
        public bool BrokerTcpNoDelay { get; }
    }
}
