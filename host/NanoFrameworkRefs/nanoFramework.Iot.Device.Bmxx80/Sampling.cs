// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 10 2025: the source of 1.2.931, docs/board-apis.md): devices/Bmxx80/Sampling.cs
namespace Iot.Device.Bmxx80
{
    public enum Sampling : byte // :12
    {
        UltraLowPower = 0b001, // :22
    }
}
