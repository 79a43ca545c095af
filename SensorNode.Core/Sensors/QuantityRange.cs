using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// A quantity as one chip measures it: the values it can report. A value outside (e.g. an all-zero register
    /// decoded) is a bus or chip fault, never weather.
    /// </summary>
    public sealed class QuantityRange
    {
        public QuantityRange(Quantity quantity, double min, double max)
        {
            Quantity = quantity;
            Min = min;
            Max = max;
        }

        public Quantity Quantity { get; }

        public double Min { get; }

        public double Max { get; }

        public bool Contains(double value)
        {
            return value >= Min && value <= Max;
        }
    }
}
