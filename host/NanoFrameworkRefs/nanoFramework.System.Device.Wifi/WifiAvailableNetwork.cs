// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Wifi v1.5.147: System.Device.Wifi/WifiAvailableNetwork.cs
// No constructor in the source: C#'s implicit public one is the real one.
namespace System.Device.Wifi
{
    public class WifiAvailableNetwork // :11
    {
        public extern string Ssid { get; } // :28 (its setter is internal)

        public extern double NetworkRssiInDecibelMilliwatts { get; } // :38
    }
}
