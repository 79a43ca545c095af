// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Threading v1.1.52: nanoFramework.System.Threading/Threading/CancellationTokenSource.cs
namespace System.Threading
{
    public class CancellationTokenSource : IDisposable // :26
    {
        public extern CancellationTokenSource(int millisecondsDelay); // :180

        public extern CancellationToken Token { get; } // :113

        public extern void Dispose(); // :441
    }
}
