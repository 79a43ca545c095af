using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>A servo of the virtual board: remembers its angle and reports every move, as a person watching the arm would see it.</summary>
    public sealed class VirtualServo : IAngleOutput
    {
        private readonly Action<VirtualServo> _moved;
        private bool _written;

        /// <param name="moved">Called after every write that changed the angle (and after the first write).</param>
        public VirtualServo(string id, Action<VirtualServo> moved)
        {
            Id = id;
            _moved = moved;
        }

        public string Id { get; }

        public int Degrees { get; private set; }

        public void Write(int value)
        {
            bool moved = !_written || value != Degrees;
            _written = true;
            Degrees = value;
            if (moved)
            {
                _moved?.Invoke(this);
            }
        }
    }
}
