// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Wifi v1.5.147: System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper // :17
    {
        public static extern NetworkHelperStatus Status { get; } // :56

        public static extern System.Exception HelperException { get; } // :61 (its setter is internal)

        public static extern bool ConnectDhcp( // :155
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default);

        public static extern bool Reconnect( // :248
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default);
    }
}
