using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Randomness
{
    /// <summary>
    /// No jitter (the simulator's <c>--no-jitter</c>): always the top of the window, so a full-jitter back-off
    /// becomes the deterministic doubling it is drawn from, and a fleet retries in lockstep. For benches and tests
    /// that need the worst case or repeatable timing.
    /// </summary>
    public sealed class TopOfWindowRandom : IRandom
    {
        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : maxExclusive - 1;
        }
    }
}
