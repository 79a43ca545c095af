namespace SensorNode.Core.Telemetry
{
    /// <summary>When the JSON snapshot on "{base}/state" goes out (config key "snapshot").</summary>
    public enum SnapshotMode
    {
        /// <summary>Never: the per-quantity topics carry the readings (the quietest; the default).</summary>
        Off,

        /// <summary>In a cycle that published a reading or changed a sensor's health.</summary>
        OnChange,

        /// <summary>Every cycle.</summary>
        EveryCycle
    }
}
