// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 10 2025: the source of 1.2.931, docs/board-apis.md): devices/Bmxx80/Bmp280.cs
using System.Device.I2c;
using Iot.Device.Bmxx80.ReadResult;

namespace Iot.Device.Bmxx80
{
    public class Bmp280 : Bmx280Base // :15
    {
        public extern Bmp280(I2cDevice i2cDevice); // :26

        public extern Bmp280ReadResult Read(); // :36
    }
}
