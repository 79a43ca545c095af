using System.Linq;
using System.Reflection;

namespace SensorNode.HostTestKit
{
    /// <summary>
    /// Where the build put what the tests and benches run, and the repository they were built from. A project that runs
    /// a program also references its project (ReferenceOutputAssembly false), so that it is built first.
    /// </summary>
    public static class Built
    {
        /// <summary>The simulator, to run with dotnet.</summary>
        public static string SimulatorAssembly => Metadata("SimulatorAssembly");

        /// <summary>The virtual ESP32's board server, to run with dotnet.</summary>
        public static string VirtualBoardAssembly => Metadata("VirtualBoardAssembly");

        /// <summary>The repository root (the folder with SensorNode.sln).</summary>
        public static string RepoRoot => Metadata("RepoRoot");

        private static string Metadata(string key)
        {
            return typeof(Built).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        }
    }
}
