namespace SensorNode.Core.Entities
{
    /// <summary>What a diagnostic entity shows: a field of the "{base}/diag" JSON, with its name, class and unit (each but the field may be null).</summary>
    public sealed class DiagnosticField
    {
        public DiagnosticField(string displayName, string field, string deviceClass, string unit, string stateClass)
        {
            DisplayName = displayName;
            Field = field;
            DeviceClass = deviceClass;
            Unit = unit;
            StateClass = stateClass;
        }

        /// <summary>"Wi-Fi RSSI".</summary>
        public string DisplayName { get; }

        /// <summary>"rssi_dbm".</summary>
        public string Field { get; }

        public string DeviceClass { get; }

        public string Unit { get; }

        public string StateClass { get; }
    }
}
