using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>An output pin nobody watches.</summary>
    public sealed class NullOutput : IDigitalOutput
    {
        public void Write(bool on)
        {
        }
    }
}
