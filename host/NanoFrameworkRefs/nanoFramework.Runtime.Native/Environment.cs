// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.Runtime.Native v1.7.11: nanoFramework.Runtime.Native/System/Environment.cs
// (not in mscorlib 1.17.11, which has no System.Environment)
namespace System
{
    public static class Environment // :11 (static partial)
    {
        public static extern long TickCount64 { get; } // :22
    }
}
