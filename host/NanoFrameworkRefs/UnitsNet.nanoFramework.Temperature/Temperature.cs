// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// angularsen/UnitsNet tag UnitsNet/5.75.0: UnitsNet.NanoFramework/GeneratedCode/Quantities/Temperature.g.cs
namespace UnitsNet
{
    public struct Temperature // :29
    {
        public extern double DegreesCelsius { get; } // :85
    }
}
