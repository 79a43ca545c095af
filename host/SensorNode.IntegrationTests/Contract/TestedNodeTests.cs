using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Contract
{
    /// <summary>
    /// The harness switch (Harness/TestedNode): with SENSORNODE_NODE=virtual-esp32 the contract tests drive the firmware
    /// image in the virtual ESP32, which must build; without the repository mirror (CI) this test is skipped saying so,
    /// and the contract tests run against the simulator.
    /// </summary>
    public class TestedNodeTests
    {
        [SkippableFact]
        public void The_virtual_ESP32_is_built_and_tested_when_SENSORNODE_NODE_asks_for_it()
        {
            bool virtualEsp32 = TestedNode.IsVirtualEsp32;
            Skip.If(TestedNode.VirtualEsp32Wanted && !virtualEsp32, TestedNode.ChoiceMessage);
            Assert.Equal(TestedNode.VirtualEsp32Wanted, virtualEsp32);
            if (virtualEsp32)
            {
                TestedNode.EnsureBuilt();
                string build = System.Environment.GetEnvironmentVariable("VESP32_BUILD") ?? System.IO.Path.Combine(Built.RepoRoot, "host/VirtualEsp32/build");
                Assert.True(System.IO.File.Exists(System.IO.Path.Combine(build, "clr-i386/bin/vesp32-nanoclr")), "run.sh --build-only left no nanoCLR in " + build);
            }
        }
    }
}
