using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>A chip model as the search identifies it: its name (the sensor's topic id) and what it measures.</summary>
    public sealed class ChipModel
    {
        private readonly Quantity[] _quantities;

        public ChipModel(string name, QuantityRange[] ranges)
        {
            Name = name;
            Ranges = ranges;
            _quantities = new Quantity[ranges.Length];
            for (int i = 0; i < ranges.Length; i++)
            {
                _quantities[i] = ranges[i].Quantity;
            }
        }

        /// <summary>"bme280", "sht3x", "scd4x": the sensor's id on its topics.</summary>
        public string Name { get; }

        /// <summary>The quantities in measurement order, with the values this chip can report.</summary>
        public QuantityRange[] Ranges { get; }

        public Quantity[] Quantities
        {
            get { return _quantities; }
        }
    }
}
