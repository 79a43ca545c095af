// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/X509Certificates/X509Certificate.cs
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate // :19
    {
        public extern X509Certificate(string certificate); // :82
    }
}
