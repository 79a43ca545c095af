using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework.Host;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.Tests.Host
{
    /// <summary>
    /// Runs the whole NFUnitTest assembly once, in launcher order, and reports each launcher line as one xunit
    /// case, so `dotnet test` counts what the emulator would print.
    /// </summary>
    public sealed class LauncherTests
    {
        private static readonly Lazy<IReadOnlyList<NanoTestResult>> Results =
            new Lazy<IReadOnlyList<NanoTestResult>>(() => NanoTestLauncher.Run(Assembly.Load("NFUnitTest")));

        private readonly ITestOutputHelper _output;

        public LauncherTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> LauncherLines()
        {
            return Results.Value.Select(r => new object[] { r.Name });
        }

        [SkippableTheory]
        [MemberData(nameof(LauncherLines), DisableDiscoveryEnumeration = true)]
        public void NanoTest(string name)
        {
            NanoTestResult result = Results.Value.First(r => r.Name == name);
            _output.WriteLine(result.ToString());
            Skip.If(result.Outcome == NanoTestOutcome.Skipped, result.Message);
            Assert.True(result.Outcome == NanoTestOutcome.Passed, result.Message);
        }

        [Fact]
        public void TheAssemblyHasTests()
        {
            Assert.True(Results.Value.Count > 0, "NFUnitTest contains no [TestClass] with tests");
        }
    }
}
