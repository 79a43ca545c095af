namespace SensorNode.Core.Board
{
    /// <summary>
    /// One physical sensor (a chip, not a quantity). The core reads it once per telemetry cycle.
    /// </summary>
    public interface ISensor
    {
        /// <summary>Topic segment naming this sensor, e.g. "bme280".</summary>
        string Id { get; }

        /// <summary>What <see cref="TryRead"/> fills, in this order. Fixed for the sensor's lifetime.</summary>
        Quantity[] Quantities { get; }

        /// <summary>
        /// Reads every quantity into <paramref name="values"/> (same order as <see cref="Quantities"/>).
        /// A quantity the chip could not measure this time is set to <see cref="double.NaN"/>.
        /// Returns false when the whole read failed; <see cref="LastError"/> then says why.
        /// Must not throw: the main loop never sees a bus exception.
        /// </summary>
        bool TryRead(double[] values);

        /// <summary>Why the last <see cref="TryRead"/> failed; null after a successful read.</summary>
        string LastError { get; }
    }
}
