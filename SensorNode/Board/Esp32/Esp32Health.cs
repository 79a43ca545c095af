using System.Net.NetworkInformation;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// The ESP32's health as the pinned nanoFramework libraries tell it (docs/board-apis.md): the Wi-Fi interface's
    /// IPv4 address (System.Net) and the free managed heap (nanoFramework.Runtime.Native's GC.Run, which runs a
    /// collection first; asked once per diagnostics report). Unknown, because no pinned API tells it: the RSSI of
    /// the joined network (System.Device.Wifi 1.5.147 has RSSI only in scan results), the largest free block of
    /// the managed heap, and the reset reason (Hardware.Esp32 1.6.42 has only the deep-sleep wakeup cause).
    /// </summary>
    public sealed class Esp32Health : IBoardHealth
    {
        private const string NoAddress = "0.0.0.0";

        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        public string IpAddress
        {
            get
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        string address = interfaces[i].IPv4Address;
                        return address == null || address.Length == 0 || address == NoAddress ? null : address;
                    }
                }

                return null;
            }
        }

        public long FreeHeapBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }

        public long LargestFreeBlockBytes
        {
            get { return -1; }
        }

        public string ResetReason
        {
            get { return null; }
        }
    }
}
