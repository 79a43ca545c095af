using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>
    /// A relay or LED of the virtual board: remembers its level and reports every change, as a person watching
    /// the board would see it.
    /// </summary>
    public sealed class VirtualOutput : IDigitalOutput
    {
        private readonly Action<VirtualOutput> _changed;
        private bool _written;

        /// <param name="changed">Called after every write that changed the level (and after the first write).</param>
        public VirtualOutput(string id, Action<VirtualOutput> changed)
        {
            Id = id;
            _changed = changed;
        }

        public string Id { get; }

        public bool IsOn { get; private set; }

        public void Write(bool on)
        {
            bool changed = !_written || on != IsOn;
            _written = true;
            IsOn = on;
            if (changed)
            {
                _changed?.Invoke(this);
            }
        }
    }
}
