using System;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The seconds a virtual chip reads (its <c>Func&lt;double&gt;</c>), moving only when a test moves it, so assertions
    /// about timing never depend on the machine; or, made by <see cref="Stepping"/>, jumping ahead by a fixed step at
    /// every reading. (A node's clock is the test kit's FakeClock.)
    /// </summary>
    internal sealed class ManualClock
    {
        private readonly double _stepSeconds;

        public ManualClock(double stepSeconds = 0)
        {
            _stepSeconds = stepSeconds;
        }

        public double Seconds { get; private set; }

        public Func<double> Reading => () => Seconds += _stepSeconds;

        /// <summary>
        /// Time that jumps ahead by <paramref name="stepSeconds"/> at every reading. The chip reads the clock once per
        /// transfer, so with a step longer than any conversion (the longest, 16x everything, takes 114 ms) a conversion
        /// the binding triggers has always ended by its next transfer — whatever Thread.Sleep does on this machine.
        /// </summary>
        public static ManualClock Stepping(double stepSeconds = 0.2) => new ManualClock(stepSeconds);

        public void Advance(double seconds)
        {
            Seconds += seconds;
        }

        public void AdvanceMs(double milliseconds)
        {
            Advance(milliseconds / 1000.0);
        }
    }
}
