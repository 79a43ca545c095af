// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Wifi v1.5.147: System.Device.Wifi/WifiAdapter.cs
namespace System.Device.Wifi
{
    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, Object e); // :15

    public sealed class WifiAdapter // :23 (IDisposable: the board keeps its adapter for the node's life)
    {
        internal extern WifiAdapter(int NetworkInterface); // :53 (declared so C# adds no public constructor)

        public extern event AvailableNetworksChangedEventHandler AvailableNetworksChanged; // :36

        public extern WifiNetworkReport NetworkReport { get; } // :71

        public static extern WifiAdapter[] FindAllAdapters(); // :178

        public extern void ScanAsync(); // :227
    }
}
