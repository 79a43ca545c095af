// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 10 2025: the source of 1.2.931, docs/board-apis.md): devices/Bmxx80/Bmxx80Base.cs
using System.Device.I2c;

namespace Iot.Device.Bmxx80
{
    public abstract class Bmxx80Base // :17
    {
        protected extern Bmxx80Base(byte deviceId, I2cDevice i2cDevice); // :71 (declared so C# adds no other constructor)

        public extern Sampling PressureSampling { get; set; } // :91

        public extern Sampling TemperatureSampling { get; set; } // :113
    }
}
