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
            long boots = Read(store.Load(FileName)) + 1;
            PayloadBuilder text = new PayloadBuilder(20);
            text.AppendInteger(boots);
            store.Save(FileName, text.ToArray());
            return boots;
        }

        /// <summary>The stored count, or 0 when there is none or it is not a plain whole number.</summary>
        private static long Read(byte[] stored)
        {
            if (stored == null || stored.Length == 0 || stored.Length > 18)
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < stored.Length; i++)
            {
                byte b = stored[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return 0;
                }

                value = value * 10 + (b - '0');
            }

            return value;
        }
    }
}
