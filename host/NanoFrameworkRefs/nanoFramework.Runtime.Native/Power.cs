// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.Runtime.Native v1.7.11: nanoFramework.Runtime.Native/Power.cs, RebootOption.cs
namespace nanoFramework.Runtime.Native
{
    public class Power // Power.cs:19
    {
        public static extern void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot); // Power.cs:42
    }

    public enum RebootOption // RebootOption.cs:13
    {
        NormalReboot = 0, // :19
        EnterNanoBooter = 1, // :25
        ClrOnly = 2, // :30
        EnterProprietaryBooter = 8, // :39
    }
}
