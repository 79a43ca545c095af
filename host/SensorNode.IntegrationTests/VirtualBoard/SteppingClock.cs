using System;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// Time that jumps ahead by a fixed step at every reading. The chip reads the clock once per transfer, so with a step
    /// longer than any conversion (the longest, 16x everything, takes 114 ms) a conversion the binding triggers has always
    /// ended by its next transfer — whatever Thread.Sleep does on this machine.
    /// </summary>
    internal sealed class SteppingClock
    {
        private readonly double _stepSeconds;
        private double _seconds;

        public SteppingClock(double stepSeconds = 0.2)
        {
            _stepSeconds = stepSeconds;
        }

        public Func<double> Reading => () =>
        {
            _seconds += _stepSeconds;
            return _seconds;
        };
    }
}
