// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/Sockets/SocketFlags.cs
namespace System.Net.Sockets
{
    [Flags]
    public enum SocketFlags // :15
    {
        None = 0x0000, // :20
    }
}
