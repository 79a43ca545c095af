namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One chip's measurement, whatever its family: the core's own driver (SHT3x, SCD4x) or a vendor binding behind a
    /// probe (<see cref="ProbedBindingDriver"/>). <see cref="GuardedSensor"/> turns what it does into the node's
    /// sensor errors, the same way for every family.
    /// </summary>
    /// <remarks>
    /// Two-phase: a driver never waits for a conversion. A <see cref="Measure"/> that starts one (or finds it still
    /// running) returns <see cref="ReadOutcome.Pending"/> with <see cref="MsUntilReady"/>, and the next
    /// <see cref="Measure"/> after that collects it. Nothing in a driver sleeps.
    /// </remarks>
    public interface ISensorDriver
    {
        /// <summary>The chip's I2C address, for messages.</summary>
        int Address { get; }

        /// <summary>
        /// One step of a measurement into <paramref name="values"/> (in the model's quantity order, NaN for a quantity
        /// the chip marks invalid): <see cref="ReadOutcome.Pending"/> while a conversion runs, then the result.
        /// Failed sets <see cref="Error"/>. May throw: the guard catches.
        /// </summary>
        ReadOutcome Measure(double[] values);

        /// <summary>After <see cref="ReadOutcome.Pending"/>: milliseconds until the next <see cref="Measure"/> can collect.</summary>
        int MsUntilReady { get; }

        /// <summary>Why the last <see cref="Measure"/> failed.</summary>
        string Error { get; }
    }
}
