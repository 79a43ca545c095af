namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>"fleet-restart [--nodes N] [--outage-s S] [--svg PATH]".</summary>
    public sealed class FleetRestartOptions
    {
        public const string Usage = "fleet-restart [--nodes N (2..1000, default 500)] [--outage-s S (1..300, default 10)] [--svg PATH (default docs/img/fleet-restart.svg)] [--note TEXT (second title line of the plot)]";

        public int Nodes { get; private set; } = 500;

        /// <summary>How long the broker stays down.</summary>
        public int OutageSeconds { get; private set; } = 10;

        /// <summary>Where the plot goes, relative to the current folder (the repository root in docs/performance.md).</summary>
        public string SvgPath { get; private set; } = "docs/img/fleet-restart.svg";

        /// <summary>A second title line for the plot (what was measured), or null.</summary>
        public string Note { get; private set; }

        /// <summary>The options, or null when the arguments are not understood.</summary>
        public static FleetRestartOptions Parse(string[] args)
        {
            FleetRestartOptions options = new FleetRestartOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--nodes" when i + 1 < args.Length && int.TryParse(args[i + 1], out int nodes) && nodes >= 2 && nodes <= 1000:
                        options.Nodes = nodes;
                        i++;
                        break;
                    case "--outage-s" when i + 1 < args.Length && int.TryParse(args[i + 1], out int outage) && outage >= 1 && outage <= 300:
                        options.OutageSeconds = outage;
                        i++;
                        break;
                    case "--note" when i + 1 < args.Length:
                        options.Note = args[i + 1];
                        i++;
                        break;
                    case "--svg" when i + 1 < args.Length:
                        options.SvgPath = args[i + 1];
                        i++;
                        break;
                    default:
                        return null;
                }
            }

            return options;
        }
    }
}
