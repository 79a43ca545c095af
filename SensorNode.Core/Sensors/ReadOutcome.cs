namespace SensorNode.Core.Sensors
{
    public enum ReadOutcome
    {
        /// <summary>Fresh values.</summary>
        Measured,

        /// <summary>The chip measures on its own schedule and has nothing new yet (e.g. an SCD4x between its 5 s measurements).</summary>
        NotReady,

        /// <summary>No values: the bus, the chip or the values were wrong; the error says which.</summary>
        Failed
    }
}
