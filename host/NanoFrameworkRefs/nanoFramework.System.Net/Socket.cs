// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/Sockets/Socket.cs
namespace System.Net.Sockets
{
    public class Socket // :16 (IDisposable: the board calls Close, not Dispose)
    {
        public extern Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType); // :55

        public extern int ReceiveTimeout { get; set; } // :200

        public extern int SendTimeout { get; set; } // :226

        public extern void Bind(EndPoint localEP); // :283

        public extern void Close(); // :367

        public extern void Listen(int backlog); // :391

        public extern Socket Accept(); // :414

        public extern int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags); // :565

        public extern int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags); // :730
    }
}
