// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.Runtime.Native v1.7.11: nanoFramework.Runtime.Native/GC.cs
namespace nanoFramework.Runtime.Native
{
    public static class GC // :11
    {
        public static extern uint Run(bool compactHeap); // :25 (forces a collection; returns the free bytes after it)
    }
}
