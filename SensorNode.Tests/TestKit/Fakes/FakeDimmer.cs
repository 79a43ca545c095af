using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>Records every level written to a dimmer output.</summary>
    public sealed class FakeDimmer : ILevelOutput
    {
        public readonly ArrayList Writes = new ArrayList();
        public int Level;

        public void Write(int percent)
        {
            Level = percent;
            Writes.Add(percent.ToString());
        }
    }
}
