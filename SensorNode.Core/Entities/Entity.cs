using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Core.Entities
{
    /// <summary>
    /// One thing the node exposes, declared once by the part that owns it and rendered by every protocol adapter
    /// (SensorNode's own topics are where its value lives; Home Assistant discovery and Homie describe it). Its
    /// topics are the node's own: the part that declares it sets them again whenever the topic scheme changes.
    /// </summary>
    public sealed class Entity
    {
        private Entity(EntityRole role, string group, string id, string name)
        {
            Role = role;
            Group = group;
            Id = id;
            Name = name;
            Key = group + "_" + id;
            Index = -1;
        }

        /// <summary>A sensor's quantity: grouped under the sensor, its state the reading's retained topic.</summary>
        public static Entity ForReading(string sensorId, Quantity quantity)
        {
            Entity entity = new Entity(EntityRole.Reading, sensorId, quantity.Name, sensorId + " " + quantity.Name);
            entity.Quantity = quantity;
            return entity;
        }

        /// <summary>An output: its kind says what its value means and which commands set it.</summary>
        public static Entity ForOutput(string outputId, OutputKind kind)
        {
            Entity entity = new Entity(EntityRole.Control, "outputs", outputId, outputId);
            entity.Key = outputId; // Home Assistant has known outputs by their id alone since the first release
            entity.Output = kind;
            return entity;
        }

        /// <summary>A button: any message on its command topic presses it.</summary>
        public static Entity ForButton(string id, string name)
        {
            Entity entity = new Entity(EntityRole.Button, "actions", id, name);
            entity.Key = id;
            return entity;
        }

        /// <summary>A field of the diagnostics JSON; <paramref name="unit"/>, <paramref name="deviceClass"/> and <paramref name="stateClass"/> may be null.</summary>
        public static Entity ForDiagnostic(string id, string name, string field, string deviceClass, string unit, string stateClass)
        {
            Entity entity = new Entity(EntityRole.Diagnostic, "diag", id, name);
            entity.Field = field;
            entity.DeviceClass = deviceClass;
            entity.Unit = unit;
            entity.StateClass = stateClass;
            return entity;
        }

        public EntityRole Role { get; }

        /// <summary>What it belongs to: the sensor's id, "outputs", "actions", "diag" (Homie's node).</summary>
        public string Group { get; }

        /// <summary>Its id within <see cref="Group"/>: the quantity's name, the output's id, "identify", "rssi".</summary>
        public string Id { get; }

        /// <summary>Unique in the node and kept across releases: "bme280_temperature", "relay1", "diag_rssi" (Home Assistant's component id).</summary>
        public string Key { get; private set; }

        /// <summary>For people: "bme280 temperature", "relay1", "Wi-Fi RSSI".</summary>
        public string Name { get; }

        /// <summary>Its place in the node's <see cref="EntityRegistry"/>, so an adapter can keep what it renders per entity in an array.</summary>
        public int Index { get; internal set; }

        /// <summary>Where its state is published (retained); null for a button.</summary>
        public string StateTopic { get; set; }

        /// <summary>Where it takes commands; null for what is only read.</summary>
        public string CommandTopic { get; set; }

        /// <summary>A reading's own availability topic ("{base}/status/{sensor}"), or null when the node's status is enough.</summary>
        public string AvailabilityTopic { get; set; }

        /// <summary>A reading's quantity; null for other roles.</summary>
        public Quantity Quantity { get; private set; }

        /// <summary>A control's output kind; null for other roles.</summary>
        public OutputKind Output { get; private set; }

        /// <summary>A diagnostic's field in the state topic's JSON.</summary>
        public string Field { get; private set; }

        public string DeviceClass { get; private set; }

        public string Unit { get; private set; }

        public string StateClass { get; private set; }
    }
}
