using System;
using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>A sensor that always reads the same values, copying them into the core's buffer (no allocation).</summary>
    public sealed class FixedSensor : ISensor
    {
        private readonly double[] _readings;

        public FixedSensor(string id, Quantity[] quantities, double[] readings)
        {
            Id = id;
            Quantities = quantities;
            _readings = readings;
        }

        public string Id { get; }

        public Quantity[] Quantities { get; }

        public string LastError => null;

        public bool TryRead(double[] values)
        {
            Array.Copy(_readings, values, values.Length);
            return true;
        }
    }
}
