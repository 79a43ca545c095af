namespace SensorNode.Core.Board
{
    /// <summary>
    /// A physical quantity a sensor reports: its topic name, unit and the fixed number of decimals it is
    /// published with. Adding a quantity is adding one field here; which values are valid is the chip's business
    /// (<see cref="Sensors.QuantityRange"/>).
    /// </summary>
    public sealed class Quantity
    {
        // Default deadbands: the smallest change worth a message (report by exception, docs/mqtt.md), about a
        // sensor's noise and what a person notices: 0.1 °C, 1 %RH, 0.5 hPa, 20 ppm CO₂, 5 kΩ of gas resistance.
        public static readonly Quantity Temperature = new Quantity(0, "temperature", "°C", 2, "temperature", "°C", 0.1);
        public static readonly Quantity Humidity = new Quantity(1, "humidity", "%RH", 1, "humidity", "%", 1);
        public static readonly Quantity Pressure = new Quantity(2, "pressure", "hPa", 2, "atmospheric_pressure", "hPa", 0.5);
        public static readonly Quantity GasResistance = new Quantity(3, "gas_resistance", "Ω", 0, null, "Ω", 5000);
        public static readonly Quantity Co2 = new Quantity(4, "co2", "ppm", 0, "carbon_dioxide", "ppm", 20);

        /// <summary>Every quantity, at its <see cref="Index"/>.</summary>
        public static readonly Quantity[] All = { Temperature, Humidity, Pressure, GasResistance, Co2 };

        public Quantity(int index, string name, string unit, int decimals, string deviceClass, string homeAssistantUnit, double defaultDeadband)
        {
            Index = index;
            Name = name;
            Unit = unit;
            Decimals = decimals;
            DeviceClass = deviceClass;
            HomeAssistantUnit = homeAssistantUnit;
            DefaultDeadband = defaultDeadband;
            double resolution = 1;
            for (int i = 0; i < decimals; i++)
            {
                resolution /= 10;
            }

            Resolution = resolution;
        }

        /// <summary>Position in <see cref="All"/>, e.g. of its deadband in the config.</summary>
        public int Index { get; }

        /// <summary>The smallest change published at once when the config says nothing else.</summary>
        public double DefaultDeadband { get; }

        /// <summary>The quantity named <paramref name="name"/>, or null.</summary>
        public static Quantity Named(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }

        /// <summary>Topic segment and JSON key, e.g. "temperature".</summary>
        public string Name { get; }

        public string Unit { get; }

        /// <summary>Decimals in the published text; fixed so payloads do not jitter in length or precision.</summary>
        public int Decimals { get; }

        /// <summary>The step of the published text: 0.01 for two decimals.</summary>
        public double Resolution { get; }

        /// <summary>Home Assistant's device class for it, or null when it has none (gas resistance).</summary>
        public string DeviceClass { get; }

        /// <summary>The unit as Home Assistant spells it for the device class (relative humidity is "%").</summary>
        public string HomeAssistantUnit { get; }
    }
}
