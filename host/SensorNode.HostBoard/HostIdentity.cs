using System.Net.NetworkInformation;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>The PC's default node id, derived from a MAC address the way the ESP32 derives its own.</summary>
    public static class HostIdentity
    {
        public static string NodeIdFromMac()
        {
            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                byte[] mac = nic.GetPhysicalAddress().GetAddressBytes();
                if (nic.NetworkInterfaceType != NetworkInterfaceType.Loopback && mac.Length == 6)
                {
                    return "sim-" + NodeIdentity.FromMac(mac);
                }
            }

            return "sim-000000";
        }
    }
}
