namespace SensorNode.Core.Board
{
    /// <summary>
    /// A physical quantity a sensor reports: its topic name, unit and the fixed number of decimals it is
    /// published with. Adding a quantity is adding one field here; which values are valid is the chip's business
    /// (<see cref="Sensors.QuantityRange"/>).
    /// </summary>
    public sealed class Quantity
    {
        public static readonly Quantity Temperature = new Quantity("temperature", "°C", 2, "temperature", "°C");
        public static readonly Quantity Humidity = new Quantity("humidity", "%RH", 1, "humidity", "%");
        public static readonly Quantity Pressure = new Quantity("pressure", "hPa", 2, "atmospheric_pressure", "hPa");
        public static readonly Quantity GasResistance = new Quantity("gas_resistance", "Ω", 0, null, "Ω");
        public static readonly Quantity Co2 = new Quantity("co2", "ppm", 0, "carbon_dioxide", "ppm");

        public Quantity(string name, string unit, int decimals, string deviceClass, string homeAssistantUnit)
        {
            Name = name;
            Unit = unit;
            Decimals = decimals;
            DeviceClass = deviceClass;
            HomeAssistantUnit = homeAssistantUnit;
        }

        /// <summary>Topic segment and JSON key, e.g. "temperature".</summary>
        public string Name { get; }

        public string Unit { get; }

        /// <summary>Decimals in the published text; fixed so payloads do not jitter in length or precision.</summary>
        public int Decimals { get; }

        /// <summary>Home Assistant's device class for it, or null when it has none (gas resistance).</summary>
        public string DeviceClass { get; }

        /// <summary>The unit as Home Assistant spells it for the device class (relative humidity is "%").</summary>
        public string HomeAssistantUnit { get; }
    }
}
