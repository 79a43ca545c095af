namespace SensorNode.Core.Board
{
    /// <summary>
    /// Unpredictable bytes for values an attacker must not be able to produce, such as the reachability probe's nonce:
    /// the board's hardware random number generator, not a seeded pseudo-random sequence (<see cref="IRandom"/> is
    /// for spreading work in time, where predictability does no harm).
    /// </summary>
    public interface INonceSource
    {
        /// <summary>Fills all of <paramref name="nonce"/> with fresh random bytes.</summary>
        void Fill(byte[] nonce);
    }
}
