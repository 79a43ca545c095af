using Xunit;

namespace SensorNode.NanoGate.Tests
{
    public sealed class DataRowArrayTests
    {
        [Fact]
        public void A_DataRow_with_an_array_fails_with_file_line_and_reason()
        {
            var check = GateRun.Check(@"
namespace nanoFramework.TestFramework
{
    public sealed class DataRowAttribute : System.Attribute { public DataRowAttribute(params object[] values) { } }
}

public static class Sample
{
    [nanoFramework.TestFramework.DataRow(new byte[] { 1, 2 })]
    public static void Row(byte[] bytes) { }

    [nanoFramework.TestFramework.DataRow(""0102"")]
    public static void Text(string hex) { }
}", IlRules.Equals);

            string line = Assert.Single(check.Violations);
            Assert.StartsWith("Core/Sample.cs(9,", line);
            Assert.Contains("DataRow with an array argument", line);
        }
    }
}
