using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A vendor binding that measures what the test sets, or throws.</summary>
    public sealed class FakeChipBinding : IChipBinding
    {
        public readonly double[] Values;
        public Exception Throws;
        public int Measurements;

        public FakeChipBinding(double[] values)
        {
            Values = values;
        }

        public void Measure(double[] values)
        {
            Measurements++;
            if (Throws != null)
            {
                throw Throws;
            }

            Array.Copy(Values, values, values.Length);
        }
    }
}
