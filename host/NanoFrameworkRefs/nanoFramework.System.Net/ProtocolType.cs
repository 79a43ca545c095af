// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/Sockets/ProtocolType.cs
namespace System.Net.Sockets
{
    public enum ProtocolType // :12
    {
        Tcp = 6, // :41
    }
}
