using System.Linq;
using System.Reflection;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>Where the build put what the tests run (the project's AssemblyMetadata).</summary>
    public static class Paths
    {
        public static string VirtualBoardAssembly => Metadata("VirtualBoardAssembly");

        public static string RepoRoot => Metadata("RepoRoot");

        private static string Metadata(string key)
        {
            return typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        }
    }
}
