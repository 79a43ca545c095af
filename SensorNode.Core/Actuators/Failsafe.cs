namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// The limits an output keeps whatever commands and the network do, set by the board (profile or simulator
    /// options), never over MQTT: a maximum on-time, and how long the broker may be unreachable before the output
    /// goes to its safe state. Zero means no such limit.
    /// </summary>
    public static class Failsafe
    {
        /// <summary>A day: longer is no limit worth the name, and keeps the milliseconds far from overflowing.</summary>
        public const int MaxSeconds = 86400;

        public const string MaxOnRule = "max_on";
        public const string OfflineRule = "offline_safe";

        /// <summary>Why these limits cannot be, or null when they can.</summary>
        public static string Check(string id, int maxOnSeconds, int offlineSafeSeconds, int safeLevel)
        {
            if (maxOnSeconds < 0 || maxOnSeconds > MaxSeconds)
            {
                return "output " + id + ": maximum on-time " + maxOnSeconds + " s must be 0 (none) or 1 to " + MaxSeconds + " s";
            }

            if (offlineSafeSeconds < 0 || offlineSafeSeconds > MaxSeconds)
            {
                return "output " + id + ": time offline before the safe state " + offlineSafeSeconds + " s must be 0 (keep the state) or 1 to " + MaxSeconds + " s";
            }

            if (maxOnSeconds > 0 && safeLevel > 0)
            {
                return "output " + id + ": a maximum on-time needs a safe state of OFF (its safe level is " + safeLevel + " %): the limit switches it off";
            }

            return null;
        }
    }
}
