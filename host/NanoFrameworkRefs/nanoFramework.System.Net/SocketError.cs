// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/Sockets/SocketErrors.cs
// Named only by SocketException's constructor; the board names no member, so none is declared.
namespace System.Net.Sockets
{
    public enum SocketError : int // :12
    {
    }
}
