// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/SocketException.cs
// The board catches it and reads its code.
namespace System.Net.Sockets
{
    public class SocketException : Exception // :15
    {
        public extern SocketException(SocketError errorCode); // :23 (declared so C# adds no public constructor)

        public extern int ErrorCode { get; } // :35
    }
}
