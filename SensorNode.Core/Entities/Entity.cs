using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Core.Entities
{
    /// <summary>
    /// One thing the node exposes, declared once by the part that owns it and rendered by every protocol adapter
    /// (SensorNode's own topics are where its value lives; Home Assistant discovery and Homie describe it). Its
    /// topics are the node's own: the part that declares it sets them again whenever the topic scheme changes. Kept
    /// small (a device holds one per quantity and output for good): names and keys are made when an adapter asks.
    /// </summary>
    public sealed class Entity
    {
        private readonly object _detail;

        private Entity(EntityRole role, string group, string id, object detail)
        {
            Role = role;
            Group = group;
            Id = id;
            _detail = detail;
            Index = -1;
        }

        /// <summary>A sensor's quantity: grouped under the sensor, its state the reading's retained topic.</summary>
        public static Entity ForReading(string sensorId, Quantity quantity)
        {
            return new Entity(EntityRole.Reading, sensorId, quantity.Name, quantity);
        }

        /// <summary>An output: its kind says what its value means and which commands set it.</summary>
        public static Entity ForOutput(string outputId, OutputKind kind)
        {
            return new Entity(EntityRole.Control, "outputs", outputId, kind);
        }

        /// <summary>A button: any message on its command topic presses it.</summary>
        public static Entity ForButton(string id)
        {
            return new Entity(EntityRole.Button, "actions", id, null);
        }

        /// <summary>A figure of the diagnostics JSON.</summary>
        public static Entity ForDiagnostic(string id, DiagnosticField field)
        {
            return new Entity(EntityRole.Diagnostic, "diag", id, field);
        }

        public EntityRole Role { get; }

        /// <summary>What it belongs to: the sensor's id, "outputs", "actions", "diag" (Homie's node).</summary>
        public string Group { get; }

        /// <summary>Its id within <see cref="Group"/>: the quantity's name, the output's id, "identify", "rssi".</summary>
        public string Id { get; }

        /// <summary>
        /// Unique in the node and kept across releases (Home Assistant's component id): "bme280_temperature",
        /// "diag_rssi"; an output or a button by its id alone ("relay1", "identify"), as since the first release.
        /// </summary>
        public string Key
        {
            get { return Role == EntityRole.Control || Role == EntityRole.Button ? Id : Group + "_" + Id; }
        }

        /// <summary>True when <see cref="Key"/> is <paramref name="key"/>, without making the key.</summary>
        public bool HasKey(string key)
        {
            if (Role == EntityRole.Control || Role == EntityRole.Button)
            {
                return Id == key;
            }

            int split = Group.Length;
            if (key.Length != split + 1 + Id.Length || key[split] != '_')
            {
                return false;
            }

            for (int i = 0; i < split; i++)
            {
                if (key[i] != Group[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < Id.Length; i++)
            {
                if (key[split + 1 + i] != Id[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>For people: "bme280 temperature", "relay1", "Wi-Fi RSSI".</summary>
        public string Name
        {
            get
            {
                switch (Role)
                {
                    case EntityRole.Reading: return Group + " " + Id;
                    case EntityRole.Diagnostic: return Diagnostic.DisplayName;
                    default: return Id;
                }
            }
        }

        /// <summary>Its place in the node's <see cref="EntityRegistry"/>, so an adapter can keep what it renders per entity in an array.</summary>
        public int Index { get; internal set; }

        /// <summary>Where its state is published (retained); null for a button.</summary>
        public string StateTopic { get; set; }

        /// <summary>Where it takes commands; null for what is only read.</summary>
        public string CommandTopic { get; set; }

        /// <summary>A reading's own availability topic ("{base}/status/{sensor}"), or null when the node's status is enough.</summary>
        public string AvailabilityTopic { get; set; }

        /// <summary>A reading's quantity; null for other roles.</summary>
        public Quantity Quantity
        {
            get { return _detail as Quantity; }
        }

        /// <summary>A control's output kind; null for other roles.</summary>
        public OutputKind Output
        {
            get { return _detail as OutputKind; }
        }

        /// <summary>A diagnostic's field of the state topic's JSON, with its class and unit; null for other roles.</summary>
        public DiagnosticField Diagnostic
        {
            get { return _detail as DiagnosticField; }
        }
    }
}
