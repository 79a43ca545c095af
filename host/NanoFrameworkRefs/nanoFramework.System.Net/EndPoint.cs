// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/EndPoint.cs
// No constructor in the source: C#'s implicit protected one is the real one.
namespace System.Net
{
    public abstract class EndPoint // :17
    {
    }
}
