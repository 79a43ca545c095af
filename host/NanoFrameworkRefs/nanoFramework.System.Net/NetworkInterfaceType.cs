// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/NetworkInformation/NetworkInterfaceType.cs
namespace System.Net.NetworkInformation
{
    public enum NetworkInterfaceType // :15
    {
        Wireless80211 = 71, // :36
        WirelessAP = 72, // :41
    }
}
