using SensorNode.Core.Board;
using SensorNode.Core.Text;

namespace SensorNode.Core.Diagnostics
{
    /// <summary>
    /// Counts boots in the settings store: a small text file holding the count as a decimal number. Unreadable or
    /// missing counts start again at 1; a failed write leaves the count for this boot as counted.
    /// </summary>
    public static class BootCounter
    {
        public const string FileName = "sensornode-boots.txt";

        /// <summary>Adds this boot to the stored count and returns the new count (1 on the first boot).</summary>
        public static long CountBoot(ISettingsStore store)
        {
            long boots = StoredNumber.Read(store.Load(FileName)) + 1;
            store.Save(FileName, StoredNumber.ToBytes(boots));
            return boots;
        }
    }
}
