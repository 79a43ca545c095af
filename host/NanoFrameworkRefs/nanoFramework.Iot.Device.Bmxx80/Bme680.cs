// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 10 2025: the source of 1.2.931, docs/board-apis.md): devices/Bmxx80/Bme680.cs
using System.Device.I2c;
using Iot.Device.Bmxx80.ReadResult;

namespace Iot.Device.Bmxx80
{
    public class Bme680 : Bmxx80Base // :22
    {
        public extern Bme680(I2cDevice i2cDevice); // :80

        public extern Bme680ReadResult Read(); // :418
    }
}
