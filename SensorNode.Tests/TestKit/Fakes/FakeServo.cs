using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>Records every angle written to a servo output.</summary>
    public sealed class FakeServo : IAngleOutput
    {
        public readonly ArrayList Writes = new ArrayList();
        public int Degrees;

        public void Write(int value)
        {
            Degrees = value;
            Writes.Add(value.ToString());
        }
    }
}
