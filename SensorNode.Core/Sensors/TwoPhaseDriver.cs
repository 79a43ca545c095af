using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// What every driver of the core's own keeps (a family's nested Driver): its bus, address and clock, why its last
    /// read failed, and when its conversion is ready. <see cref="Measure"/> is the family's own two-phase read.
    /// </summary>
    public abstract class TwoPhaseDriver : ISensorDriver
    {
        protected readonly II2cBus Bus;
        protected readonly IClock Clock;

        protected TwoPhaseDriver(II2cBus bus, int address, IClock clock)
        {
            Bus = bus;
            Address = address;
            Clock = clock;
        }

        public int Address { get; }

        public string Error { get; protected set; }

        public int MsUntilReady { get; protected set; }

        public abstract ReadOutcome Measure(double[] values);
    }
}
