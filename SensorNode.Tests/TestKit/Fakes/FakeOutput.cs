using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>Records every level written, like a logic analyser on the pin.</summary>
    public sealed class FakeOutput : IDigitalOutput
    {
        public readonly ArrayList Writes = new ArrayList();
        public bool IsOn;

        public void Write(bool on)
        {
            IsOn = on;
            Writes.Add(on);
        }
    }
}
