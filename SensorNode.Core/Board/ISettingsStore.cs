namespace SensorNode.Core.Board
{
    /// <summary>Small named blobs that survive a reboot (the ESP32's internal flash on the device).</summary>
    public interface ISettingsStore
    {
        /// <summary>The stored bytes, or null when nothing is stored under that name or it cannot be read.</summary>
        byte[] Load(string name);

        /// <summary>Replaces what is stored under that name; false when the write failed.</summary>
        bool Save(string name, byte[] data);
    }
}
