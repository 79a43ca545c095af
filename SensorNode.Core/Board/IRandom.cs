namespace SensorNode.Core.Board
{
    /// <summary>
    /// Random numbers for spreading work in time (reconnect back-off, discovery delays), so a fleet that lost its
    /// broker together does not come back in lockstep. Injected so tests and benches can fix it.
    /// </summary>
    public interface IRandom
    {
        /// <summary>A number from 0 up to, not including, <paramref name="maxExclusive"/> (0 when it is 0 or less).</summary>
        int Next(int maxExclusive);
    }
}
