using System.Linq;
using Xunit;

namespace SensorNode.NanoGate.Tests
{
    public sealed class SteadyStateRuleTests
    {
        [Fact]
        public void Every_kind_of_allocation_in_a_steady_state_method_fails_with_its_site()
        {
            var check = GateRun.Check(@"
public struct Pair { public int A; public int B; }

public sealed class Sample
{
    private int _count;

    [Markers.SteadyState]
    public string Cycle(double value)
    {
        object o = new object();
        int[] buffer = new int[4];
        Pair pair;
        pair.A = buffer.Length;
        _count++;
        return ""n="" + _count + value.ToString();
    }
}");

            string[] lines = GateRun.Lines(check, "steady-state-alloc");
            Assert.Contains(lines, l => l.StartsWith("Core/Sample.cs(11): [steady-state-alloc] Sample::Cycle: newobj System.Object"));
            Assert.Contains(lines, l => l.StartsWith("Core/Sample.cs(12): [steady-state-alloc] Sample::Cycle: newarr System.Int32[]"));
            Assert.Contains(lines, l => l.Contains("Sample::Cycle: struct local Pair: nanoCLR allocates it"));
            Assert.Contains(lines, l => l.StartsWith("Core/Sample.cs(16): [steady-state-alloc] Sample::Cycle: string made by System.String::Concat"));
            Assert.Contains(lines, l => l.StartsWith("Core/Sample.cs(16): [steady-state-alloc] Sample::Cycle: string made by System.Double::ToString"));
            Assert.Contains("allocation sites: " + lines.Length + " (newobj 1, newarr 1, box 0, string ", check.Figures.Single(f => f.StartsWith("steady-state-alloc")));
        }

        [Fact]
        public void Callees_and_interface_implementations_are_walked()
        {
            var check = GateRun.Check(@"
public interface ISensor { bool Read(double[] values); }

public sealed class Chip : ISensor
{
    public bool Read(double[] values) { values[0] = 1; return Check(values); }

    private static bool Check(double[] values) { object boxed = values[0]; return boxed != null; }
}

public sealed class Loop
{
    private readonly ISensor _sensor = new Chip();
    private readonly double[] _values = new double[1];

    [Markers.SteadyState]
    public bool Cycle() { return _sensor.Read(_values); }
}");

            string line = Assert.Single(GateRun.Lines(check, "steady-state-alloc"));
            Assert.StartsWith("Core/Sample.cs(8): [steady-state-alloc] Chip::Check: box System.Double", line);
        }

        [Fact]
        public void Cold_paths_throw_sites_and_catch_handlers_are_not_steady_state()
        {
            var check = GateRun.Check(@"
public sealed class Sample
{
    private string _error;

    [Markers.SteadyState]
    public bool Cycle(int value)
    {
        if (value < 0)
        {
            throw new System.ArgumentOutOfRangeException(""value"");
        }

        try
        {
            if (value > 100)
            {
                return Fail(value);
            }
        }
        catch (System.Exception ex)
        {
            _error = ""failed: "" + ex.Message;
        }

        return true;
    }

    [Markers.ColdPath(""only out-of-range values"")]
    private bool Fail(int value)
    {
        _error = ""too large: "" + value;
        return false;
    }
}");

            Assert.Empty(check.Violations);
            Assert.Contains("1 methods reached from 1 [SteadyState] root(s), 1 [ColdPath] method(s) cut; allocation sites: 0", check.Figures.Single(f => f.StartsWith("steady-state-alloc")));
        }

        [Fact]
        public void DateTime_and_enum_locals_are_inline_in_nanoCLR_and_pass()
        {
            var check = GateRun.Check(@"
public enum Mode { Off, On }

public sealed class Sample
{
    [Markers.SteadyState]
    public int Cycle(System.DateTime now)
    {
        System.DateTime later = now.AddTicks(1);
        Mode mode = Mode.On;
        return later.Second + (int)mode;
    }
}");

            Assert.Empty(check.Violations);
        }
    }
}
