namespace SensorNode.Core.Entities
{
    /// <summary>What an entity is to the people and systems that see it; each protocol adapter renders each role its own way.</summary>
    public enum EntityRole
    {
        /// <summary>A measured quantity of a sensor, with its unit and class (<see cref="Entity.Quantity"/>).</summary>
        Reading,

        /// <summary>An output people set and read back: a switch, a dimmer level, a servo angle (<see cref="Entity.Output"/>).</summary>
        Control,

        /// <summary>A momentary action without a state (identify): pressed by a message on its command topic.</summary>
        Button,

        /// <summary>A figure about the node itself (connects, RSSI), a field of the "{base}/diag" JSON.</summary>
        Diagnostic,
    }
}
