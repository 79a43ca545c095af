using SensorNode.Core.Sensors;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// One physical sensor (a chip, not a quantity) as telemetry sees it. The core reads it once per telemetry
    /// cycle; <see cref="GuardedSensor"/> is the implementation for every chip family.
    /// </summary>
    public interface ISensor
    {
        /// <summary>Topic segment naming this sensor, e.g. "bme280".</summary>
        string Id { get; }

        /// <summary>What <see cref="Read"/> fills, in this order. Fixed for the sensor's lifetime.</summary>
        Quantity[] Quantities { get; }

        /// <summary>
        /// Reads every quantity into <paramref name="values"/> (same order as <see cref="Quantities"/>); a quantity
        /// the chip could not measure this time is <see cref="double.NaN"/>. <see cref="ReadOutcome.NotReady"/>: the
        /// chip has nothing new since the last read (values untouched). <see cref="ReadOutcome.Pending"/>: a
        /// conversion runs; read again after <see cref="MsUntilReady"/> to collect it (values untouched; nothing waits).
        /// <see cref="ReadOutcome.Failed"/>: <see cref="LastError"/> says why. Must not throw: the main loop never sees
        /// a bus exception.
        /// </summary>
        ReadOutcome Read(double[] values);

        /// <summary>After <see cref="ReadOutcome.Pending"/>: milliseconds until the next <see cref="Read"/> can collect.</summary>
        int MsUntilReady { get; }

        /// <summary>Why the last <see cref="Read"/> failed; null after a successful one.</summary>
        string LastError { get; }
    }
}
