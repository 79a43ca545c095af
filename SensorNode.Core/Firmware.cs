namespace SensorNode.Core
{
    /// <summary>What this firmware calls itself, wherever it announces itself (Home Assistant, diagnostics).</summary>
    public static class Firmware
    {
        public const string Name = "SensorNode";
        public const string Version = "0.4.0";
    }
}
