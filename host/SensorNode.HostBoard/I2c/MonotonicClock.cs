using System;
using System.Diagnostics;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// Real elapsed time as the <c>Func&lt;double&gt;</c> of seconds the virtual chip and <see cref="DriftingAmbient"/>
    /// take; tests pass a hand-driven function instead so that nothing they assert depends on timing.
    /// </summary>
    public static class MonotonicClock
    {
        /// <summary>Seconds since this call, from a <see cref="Stopwatch"/> (monotonic, unaffected by wall-clock changes).</summary>
        public static Func<double> StartNew()
        {
            Stopwatch watch = Stopwatch.StartNew();
            return () => watch.Elapsed.TotalSeconds;
        }
    }
}
