using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Wi-Fi through nanoFramework.System.Device.Wifi's WifiNetworkHelper: join with DHCP and wait for an IP.
    /// An empty SSID means: the credentials already stored on the device.
    /// </summary>
    public sealed class WifiNetwork : INetwork
    {
        private const int JoinTimeoutMs = 30000;

        public bool IsUp
        {
            get { return NetworkInterface.GetIsNetworkAvailable(); }
        }

        public string LastError { get; private set; }

        public bool Connect(string ssid, string password)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(JoinTimeoutMs);
            bool joined;
            try
            {
                joined = ssid == null || ssid.Length == 0
                    ? WifiNetworkHelper.Reconnect(false, 0, timeout.Token)
                    : WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            }
            finally
            {
                timeout.Dispose(); // it owns a timer
            }

            LastError = joined ? null : DescribeFailure();
            return joined;
        }

        /// <summary>The node id the board derives from the Wi-Fi MAC address.</summary>
        public static string MacNodeId()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return NodeIdentity.FromMac(interfaces[i].PhysicalAddress);
                }
            }

            return NodeIdentity.FromMac(interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null);
        }

        private static string DescribeFailure()
        {
            Exception cause = WifiNetworkHelper.HelperException;
            // nanoFramework prints enums as numbers: the names are NetworkHelperStatus's (nanoFramework.System.Net).
            return "Wi-Fi status " + ((int)WifiNetworkHelper.Status).ToString() + (cause == null ? "" : " (" + cause.Message + ")");
        }
    }
}
