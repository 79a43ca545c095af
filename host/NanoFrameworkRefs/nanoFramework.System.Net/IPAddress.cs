// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/IPAddress.cs
namespace System.Net
{
    public class IPAddress // :17
    {
        public static readonly IPAddress Any; // :32 (initialised in the library: 0.0.0.0)

        public extern IPAddress(long newAddress); // :106 (declared so C# adds no public constructor)

        public static extern IPAddress Parse(string ipString); // :313
    }
}
