using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>A virtual output pin that timestamps every write: the end of the command → output path.</summary>
    public sealed class TimestampingOutput : IDigitalOutput
    {
        public ArrivalSignal Writes { get; } = new ArrivalSignal();

        public bool IsOn { get; private set; }

        public void Write(bool on)
        {
            Writes.Mark();
            IsOn = on;
        }
    }
}
