// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 2025): devices/Bmxx80/FilteringMode/Bmx280FilteringMode.cs
namespace Iot.Device.Bmxx80.FilteringMode
{
    public enum Bmx280FilteringMode : byte // :17
    {
        Off = 0b000, // :22
    }
}
