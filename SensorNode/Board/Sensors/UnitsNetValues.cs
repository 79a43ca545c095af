using UnitsNet;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// UnitsNet values are structs, and nanoCLR puts every struct local on its heap: reading a property of
    /// result.Temperature in place needs a local copy per quantity and read. Passed as an argument, the value the
    /// binding returned is read where it is (docs/nanoframework.md).
    /// </summary>
    public static class UnitsNetValues
    {
        public static double DegreesCelsius(Temperature value)
        {
            return value.DegreesCelsius;
        }

        public static double Percent(RelativeHumidity value)
        {
            return value.Percent;
        }

        public static double Hectopascals(Pressure value)
        {
            return value.Hectopascals;
        }

        public static double Ohms(ElectricResistance value)
        {
            return value.Ohms;
        }
    }
}
