// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.IO.FileSystem v1.1.93: System.IO.FileSystem/File.cs
namespace System.IO
{
    public static class File // :13
    {
        public static extern void Delete(string path); // :122

        public static extern bool Exists(string path); // :176

        public static extern void Move(string sourceFileName, string destFileName); // :252

        public static extern byte[] ReadAllBytes(string path); // :401

        public static extern void WriteAllBytes(string path, byte[] bytes); // :473
    }
}
