using Xunit;

namespace SensorNode.NanoGate.Tests
{
    public sealed class PrimitiveEqualsRuleTests
    {
        [Fact]
        public void Equals_on_double_array_elements_fails_with_file_line_method_and_reason()
        {
            var check = GateRun.Check(@"
public sealed class Sample
{
    public static bool Same(double[] a, double[] b, int i)
    {
        return a[i].Equals(b[i]);
    }
}", IlRules.Equals);

            string line = Assert.Single(GateRun.Lines(check, "primitive-equals"));
            Assert.StartsWith("Core/Sample.cs(6): [primitive-equals] Sample::Same: Equals on System.Double", line);
            Assert.Contains("compare with ==", line);
            Assert.Contains(line, check.Violations);
        }

        [Theory]
        [InlineData("int", "x.GetHashCode() == 0")]
        [InlineData("float", "x.Equals(1f)")]
        [InlineData("long", "x.Equals((object)y)")]
        public void Equals_and_GetHashCode_on_any_primitive_fail(string type, string expression)
        {
            var check = GateRun.Check(@"
public static class Sample
{
    public static bool Test(" + type + " x, " + type + " y) { return " + expression + @"; }
}", IlRules.Equals);

            Assert.Single(GateRun.Lines(check, "primitive-equals"));
        }

        [Fact]
        public void Comparing_with_the_operator_and_IsNaN_passes()
        {
            var check = GateRun.Check(@"
public static class Sample
{
    public static bool Same(double[] a, double[] b, int i)
    {
        return a[i] == b[i] || (double.IsNaN(a[i]) && double.IsNaN(b[i]));
    }

    public static bool SameText(string a, string b) { return a.Equals(b); }
}", IlRules.Equals);

            Assert.Empty(check.Violations);
        }
    }
}
