// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Security.Cryptography v1.0.43 (2026-03-02; its nuspec requires CoreLibrary 1.17.11):
// System.Security.Cryptography/HMACSHA256.cs
namespace System.Security.Cryptography
{
    public class HMACSHA256 // :14 (IDisposable in the source; the board uses only the static HashData)
    {
        public extern HMACSHA256(byte[] key); // :90 (declared so C# adds no parameterless constructor)

        public static extern byte[] HashData(byte[] key, byte[] source); // :125 (native HashCore: mbedTLS on the device)
    }
}
