// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Text v1.3.42: nanoFramework.System.Text/Text/Encoding.cs
// Abstract with no constructor in the source: C#'s implicit protected one is the real one too.
namespace System.Text
{
    public abstract class Encoding // :75
    {
        public virtual extern string GetString(byte[] bytes, int index, int count); // :133

        public static extern Encoding UTF8 { get; } // :147
    }
}
