// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs
// The board only casts it to int; no member is named, so none is declared.
namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus // :8
    {
    }
}
