using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Randomness
{
    /// <summary>
    /// The core's randomness on <see cref="System.Random"/>: what spreads a node's reconnects. Each node of a fleet
    /// gets its own seed, so nodes that lost the broker together draw different delays.
    /// </summary>
    public sealed class HostRandom : IRandom
    {
        private readonly Random _random;

        public HostRandom(int seed)
        {
            _random = new Random(seed);
        }

        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
        }
    }
}
