using System.Linq;
using System.Reflection;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>The checkout the tests were built from, for the tests that check files and commands the docs show.</summary>
    public static class Repository
    {
        public static string Root => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value;
    }
}
