// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 2025): devices/Bmxx80/ReadResult/Bme280ReadResult.cs
using UnitsNet;

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bme280ReadResult : Bmp280ReadResult // :11
    {
        public extern Bme280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid, RelativeHumidity humidity, bool humidityIsValid); // :32 (declared so C# adds no parameterless constructor)

        public extern RelativeHumidity Humidity { get; } // :16

        public extern bool HumidityIsValid { get; } // :21
    }
}
