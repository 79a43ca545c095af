// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last Bmxx80 change 2553c57, Nov 2025): devices/Bmxx80/ReadResult/Bme680ReadResult.cs
using UnitsNet;

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bme680ReadResult : Bme280ReadResult // :11
    {
        public extern Bme680ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid, RelativeHumidity humidity, bool humidityIsValid, ElectricResistance gasResistance, bool gasResistanceIsValid); // :34 (declared so C# adds no parameterless constructor)

        public extern ElectricResistance GasResistance { get; } // :16

        public extern bool GasResistanceIsValid { get; } // :21
    }
}
