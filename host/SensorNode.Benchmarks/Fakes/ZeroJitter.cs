using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>Every reconnect delay 0: a bench whose clock it steps itself connects at its first poll.</summary>
    public sealed class ZeroJitter : IRandom
    {
        public int Next(int maxExclusive) => 0;
    }
}
