// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 2025): devices/Bmxx80/ReadResult/Bmp280ReadResult.cs
using UnitsNet;

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bmp280ReadResult // :11
    {
        public extern Bmp280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid); // :40 (declared so C# adds no parameterless constructor)

        public extern Temperature Temperature { get; } // :16

        public extern bool TemperatureIsValid { get; } // :21

        public extern Pressure Pressure { get; } // :26

        public extern bool PressureIsValid { get; } // :31
    }
}
