namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>What "fleet-restart" measures (its command line: <see cref="FleetRestartCommand.Create"/>).</summary>
    public sealed class FleetRestartOptions
    {
        public const int DefaultNodes = 500;
        public const int DefaultOutageSeconds = 10;
        public const string DefaultSvgPath = "docs/img/fleet-restart.svg";

        public FleetRestartOptions(int nodes, int outageSeconds, string svgPath, string note)
        {
            Nodes = nodes;
            OutageSeconds = outageSeconds;
            SvgPath = svgPath;
            Note = note;
        }

        public int Nodes { get; }

        /// <summary>How long the broker stays down.</summary>
        public int OutageSeconds { get; }

        /// <summary>Where the plot goes, relative to the current folder (the repository root in docs/performance.md).</summary>
        public string SvgPath { get; }

        /// <summary>A second title line for the plot (what was measured), or null.</summary>
        public string Note { get; }
    }
}
