namespace SensorNode.Benchmarks.Latency
{
    /// <summary>
    /// "latency [--count N] [--gap-ms N] [--tcp-nodelay]". The defaults are the plain case: commands back to back
    /// (each sent as soon as the previous one switched the output) through mosquitto with its default socket options.
    /// </summary>
    public sealed class LatencyOptions
    {
        public const int MinimumCommands = 1_000;
        public const string Usage = "latency [--count N (>= 1000, default 1000)] [--gap-ms N (pause before each command, default 0)] [--tcp-nodelay (mosquitto's set_tcp_nodelay true)]";

        public int Commands { get; private set; } = MinimumCommands;

        /// <summary>Pause before each command, e.g. to let TCP's delayed ACK timer run out as between human commands.</summary>
        public int GapMs { get; private set; }

        /// <summary>Adds "set_tcp_nodelay true" to mosquitto's config (its default is Nagle's algorithm on).</summary>
        public bool BrokerTcpNoDelay { get; private set; }

        /// <summary>The options, or null when the arguments are not understood.</summary>
        public static LatencyOptions Parse(string[] args)
        {
            LatencyOptions options = new LatencyOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], out int count) && count >= MinimumCommands:
                        options.Commands = count;
                        i++;
                        break;
                    case "--gap-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], out int gap) && gap >= 0:
                        options.GapMs = gap;
                        i++;
                        break;
                    case "--tcp-nodelay":
                        options.BrokerTcpNoDelay = true;
                        break;
                    default:
                        return null;
                }
            }

            return options;
        }
    }
}
