// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/NetworkInformation/AuthenticationType.cs
namespace System.Net.NetworkInformation
{
    public enum AuthenticationType : byte // :10
    {
        WPA2 = 8, // :55 (members numbered from 0: None, EAP, PEAP, WCN, Open, Shared, WEP, WPA, WPA2)
    }
}
