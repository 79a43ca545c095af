// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// angularsen/UnitsNet tag UnitsNet/5.75.0: UnitsNet.NanoFramework/GeneratedCode/Quantities/Pressure.g.cs
namespace UnitsNet
{
    public struct Pressure // :29
    {
        public extern double Hectopascals { get; } // :135
    }
}
