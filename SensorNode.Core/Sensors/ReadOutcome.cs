namespace SensorNode.Core.Sensors
{
    public enum ReadOutcome
    {
        /// <summary>Fresh values.</summary>
        Measured,

        /// <summary>The chip measures on its own schedule and has nothing new yet (e.g. an SCD4x between its 5 s measurements).</summary>
        NotReady,

        /// <summary>No values: the bus, the chip or the values were wrong; the error says which.</summary>
        Failed,

        /// <summary>
        /// A measurement is under way (this read started a conversion, or one is still running): read again after
        /// <c>MsUntilReady</c> to collect it; the values are untouched. Nobody waits in between: the main loop routes
        /// commands while the chip converts (two-phase reads).
        /// </summary>
        Pending
    }
}
