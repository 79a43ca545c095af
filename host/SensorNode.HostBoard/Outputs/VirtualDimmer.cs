using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>A dimmer of the virtual board: remembers its level and reports every change, as a person watching the strip would see it.</summary>
    public sealed class VirtualDimmer : ILevelOutput
    {
        private readonly Action<VirtualDimmer> _changed;
        private bool _written;

        /// <param name="changed">Called after every write that changed the level (and after the first write).</param>
        public VirtualDimmer(string id, Action<VirtualDimmer> changed)
        {
            Id = id;
            _changed = changed;
        }

        public string Id { get; }

        public int Level { get; private set; }

        public void Write(int percent)
        {
            bool changed = !_written || percent != Level;
            _written = true;
            Level = percent;
            if (changed)
            {
                _changed?.Invoke(this);
            }
        }
    }
}
