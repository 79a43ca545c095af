// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Wifi v1.5.147: System.Device.Wifi/WifiReconnectionKind.cs
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind // :11
    {
        Automatic = 0, // :16 (first member)
    }
}
