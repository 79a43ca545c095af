namespace SensorNode.Core.Parts
{
    /// <summary>Combining the waits of <see cref="INodePart.MsUntilWork"/>, where -1 means "nothing scheduled".</summary>
    public static class Waits
    {
        /// <summary>Milliseconds from <paramref name="nowMs"/> until <paramref name="dueMs"/>; 0 when it is due or past.</summary>
        public static long Until(long dueMs, long nowMs)
        {
            return dueMs > nowMs ? dueMs - nowMs : 0;
        }

        /// <summary>The sooner of two waits; -1 only when both are.</summary>
        public static long Sooner(long current, long candidate)
        {
            return candidate >= 0 && (current < 0 || candidate < current) ? candidate : current;
        }
    }
}
