namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One chip's measurement, whatever its family: the core's own driver (SCD4x) or a vendor binding behind a
    /// probe (<see cref="ProbedBindingDriver"/>). <see cref="GuardedSensor"/> turns what it does into the node's
    /// sensor errors, the same way for every family.
    /// </summary>
    public interface ISensorDriver
    {
        /// <summary>The chip's I2C address, for messages.</summary>
        int Address { get; }

        /// <summary>
        /// One measurement into <paramref name="values"/> (in the model's quantity order, NaN for a quantity the
        /// chip marks invalid). Failed sets <see cref="Error"/>. May throw: the guard catches.
        /// </summary>
        ReadOutcome Measure(double[] values);

        /// <summary>Why the last <see cref="Measure"/> failed.</summary>
        string Error { get; }
    }
}
