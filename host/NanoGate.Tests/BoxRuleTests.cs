using Xunit;

namespace SensorNode.NanoGate.Tests
{
    public sealed class BoxRuleTests
    {
        [Fact]
        public void An_int_or_enum_put_in_an_ArrayList_fails_under_the_core_rules()
        {
            var check = GateRun.Check(@"
public enum Kind { A, B }

public static class Sample
{
    public static System.Collections.ArrayList Collect(int address, Kind kind)
    {
        System.Collections.ArrayList list = new System.Collections.ArrayList();
        list.Add(address);
        list.Add(kind);
        return list;
    }
}");

            string[] lines = GateRun.Lines(check, "box");
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Core/Sample.cs(9): [box] Sample::Collect: boxes System.Int32", lines[0]);
            Assert.StartsWith("Core/Sample.cs(10): [box] Sample::Collect: boxes Kind", lines[1]);
        }

        [Fact]
        public void The_tests_rules_allow_boxing()
        {
            var check = GateRun.Check(@"
public static class Sample
{
    public static object Wrap(int value) { return value; }
}", IlRules.Equals);

            Assert.Empty(check.Violations);
        }
    }
}
