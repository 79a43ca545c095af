using System.Linq;
using SensorNode.NanoGate;

namespace SensorNode.NanoGate.Tests
{
    /// <summary>Runs the gate on one source file, with the marker attributes the core defines.</summary>
    internal static class GateRun
    {
        private const string Markers = @"
namespace Markers
{
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class SteadyStateAttribute : System.Attribute { }

    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class ColdPathAttribute : System.Attribute
    {
        public ColdPathAttribute(string why) { }
    }
}";

        public static SourceSetCheck Check(string source, IlRules rules = IlRules.All)
        {
            return SourceSetCheck.OfSources(new[] { ("Core/Markers.cs", Markers), ("Core/Sample.cs", source) }, rules);
        }

        /// <summary>The findings of one rule, as the gate prints them.</summary>
        public static string[] Lines(SourceSetCheck check, string rule)
        {
            return check.IlFindings.Where(f => f.Rule == rule).Select(f => f.ToString()).ToArray();
        }
    }
}
