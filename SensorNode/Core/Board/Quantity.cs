namespace SensorNode.Core.Board
{
    /// <summary>
    /// A physical quantity a sensor reports: its topic name, unit and the fixed number of decimals it is
    /// published with. Adding a quantity is adding one field here.
    /// </summary>
    public sealed class Quantity
    {
        // Plausible ranges are the Bosch BME280/BME680 operating ranges: a reading outside them is a bus or
        // chip fault (e.g. all-zero raw registers), never weather.
        public static readonly Quantity Temperature = new Quantity("temperature", "°C", 2, -40, 85);
        public static readonly Quantity Humidity = new Quantity("humidity", "%RH", 1, 0, 100);
        public static readonly Quantity Pressure = new Quantity("pressure", "hPa", 2, 300, 1100);
        public static readonly Quantity GasResistance = new Quantity("gas_resistance", "Ω", 0, 1, 100000000);

        public Quantity(string name, string unit, int decimals, double plausibleMin, double plausibleMax)
        {
            Name = name;
            Unit = unit;
            Decimals = decimals;
            PlausibleMin = plausibleMin;
            PlausibleMax = plausibleMax;
        }

        /// <summary>Topic segment and JSON key, e.g. "temperature".</summary>
        public string Name { get; }

        public string Unit { get; }

        /// <summary>Decimals in the published text; fixed so payloads do not jitter in length or precision.</summary>
        public int Decimals { get; }

        public double PlausibleMin { get; }

        public double PlausibleMax { get; }

        /// <summary>True when <paramref name="value"/> is a number a working sensor can report.</summary>
        public bool IsPlausible(double value)
        {
            return value >= PlausibleMin && value <= PlausibleMax;
        }
    }
}
