// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// angularsen/UnitsNet tag UnitsNet/5.75.0: UnitsNet.NanoFramework/GeneratedCode/Quantities/ElectricResistance.g.cs
namespace UnitsNet
{
    public struct ElectricResistance // :32
    {
        public extern double Ohms { get; } // :118
    }
}
