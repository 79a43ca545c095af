// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 10 2025: the source of 1.2.931, docs/board-apis.md): devices/Bmxx80/Bmx280Base.cs
using System.Device.I2c;
using Iot.Device.Bmxx80.FilteringMode;

namespace Iot.Device.Bmxx80
{
    public abstract class Bmx280Base : Bmxx80Base // :23
    {
        protected extern Bmx280Base(byte deviceId, I2cDevice i2cDevice); // :48 (declared so C# adds no other constructor)

        public extern Bmx280FilteringMode FilterMode { get; set; } // :58
    }
}
