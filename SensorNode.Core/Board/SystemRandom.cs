namespace SensorNode.Core.Board
{
    /// <summary>The runtime's pseudo-random generator (System.Random is in nanoFramework's mscorlib too).</summary>
    public sealed class SystemRandom : IRandom
    {
        private readonly System.Random _random;

        /// <param name="seed">Differs per node (e.g. from its id and uptime), so nodes booted together draw differently.</param>
        public SystemRandom(int seed)
        {
            _random = new System.Random(seed);
        }

        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
        }
    }
}
