// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Wifi v1.5.147: System.Device.Wifi/WifiNetworkReport.cs
namespace System.Device.Wifi
{
    public class WifiNetworkReport // :11
    {
        internal extern WifiNetworkReport(WifiAvailableNetwork[] WifiNetworks); // :15 (declared so C# adds no public constructor)

        public extern WifiAvailableNetwork[] AvailableNetworks { get; } // :23
    }
}
