// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Threading v1.1.52: nanoFramework.System.Threading/Threading/CancellationToken.cs
// The board only passes it on (WifiNetworkHelper's token parameters); no member is declared.
namespace System.Threading
{
    public struct CancellationToken // :26
    {
    }
}
