// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// angularsen/UnitsNet tag UnitsNet/5.75.0: UnitsNet.NanoFramework/GeneratedCode/Quantities/RelativeHumidity.g.cs
namespace UnitsNet
{
    public struct RelativeHumidity // :29
    {
        public extern double Percent { get; } // :85
    }
}
