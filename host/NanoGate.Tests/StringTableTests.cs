using System.Linq;
using Xunit;

namespace SensorNode.NanoGate.Tests
{
    public sealed class StringTableTests
    {
        [Fact]
        public void Names_and_literals_are_counted_once_each_as_utf8_with_a_terminator()
        {
            SourceSetCheck small = GateRun.Check("public static class Sample { public static string A() { return \"ab\"; } }");
            SourceSetCheck more = GateRun.Check("public static class Sample { public static string A() { return \"ab\" + B(); } public static string B() { return \"ab\" + \"é\"; } }");

            // "B" (the method's name, 2 bytes with its terminator) is new, "ab" is counted once
            // (the compiler folds "ab" + "é" into "abé", 4 + 1 bytes), and the call to String.Concat brings both names.
            Assert.Equal(Counted(small) + 2 + 5 + "Concat".Length + 1 + "String".Length + 1, Counted(more));
        }

        [Fact]
        public void A_set_whose_strings_pass_what_nanoClr_can_address_fails()
        {
            string huge = new string('x', StringTableEstimate.NanoClrLimit);
            SourceSetCheck check = GateRun.Check("public static class Sample { public static string A() { return \"" + huge + "\"; } }");

            string violation = check.Violations.Single(v => v.StartsWith("[string-table]"));
            Assert.Contains("0 tests and no error", violation);
        }

        [Fact]
        public void A_set_within_the_limit_passes_and_says_how_much_it_uses()
        {
            SourceSetCheck check = GateRun.Check("public static class Sample { public static string A() { return \"ab\"; } }");

            Assert.DoesNotContain(check.Violations, v => v.StartsWith("[string-table]"));
            Assert.Contains(check.Figures, f => f.StartsWith("strings: ") && f.Contains(" of the 64675 nanoCLR reads; fail line 75 % (48506)"));
        }

        [Fact]
        public void A_set_past_the_fail_line_fails_before_it_reaches_what_nanoClr_can_address()
        {
            // about 80 % of the table: it would still load, but leaves too little room to grow
            string large = new string('x', StringTableEstimate.NanoClrLimit * 80 / 100);
            SourceSetCheck check = GateRun.Check("public static class Sample { public static string A() { return \"" + large + "\"; } }");

            string violation = check.Violations.Single(v => v.StartsWith("[string-table]"));
            Assert.Contains("pass the fail line of 75 %", violation);
            Assert.Contains(check.Figures, f => f.StartsWith("strings: ") && f.Contains(" % of the 64675 nanoCLR reads"));
        }

        private static int Counted(SourceSetCheck check)
        {
            string figure = check.Figures.Single(f => f.StartsWith("strings: "));
            return int.Parse(figure.Substring("strings: ".Length).Split(' ')[0]);
        }
    }
}
