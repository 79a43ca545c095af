using System;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>Time that moves only when a test moves it, so assertions about timing never depend on the machine.</summary>
    internal sealed class ManualClock
    {
        public double Seconds { get; private set; }

        public Func<double> Reading => () => Seconds;

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
