namespace SensorNode.Core.Board
{
    /// <summary>
    /// What only the board knows about its own health, for the diagnostics on "{base}/diag". Every member may say
    /// "unknown" (false, null or -1): a board reports only what its runtime really tells (docs/board-apis.md).
    /// Called once per diagnostics report and per Home Assistant announcement, never in the steady state.
    /// </summary>
    public interface IBoardHealth
    {
        /// <summary>The signal strength of the joined Wi-Fi network in dBm; false when the board cannot tell.</summary>
        bool TryGetRssi(out int dbm);

        /// <summary>The node's IP address as text; null when unknown or not joined.</summary>
        string IpAddress { get; }

        /// <summary>Free managed heap in bytes; -1 when unknown.</summary>
        long FreeHeapBytes { get; }

        /// <summary>The largest free block of the managed heap in bytes; -1 when unknown.</summary>
        long LargestFreeBlockBytes { get; }

        /// <summary>Why the device last started (e.g. "power on"); null when unknown.</summary>
        string ResetReason { get; }
    }
}
