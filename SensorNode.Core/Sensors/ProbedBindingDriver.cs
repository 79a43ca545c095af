using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// A vendor binding behind a probe. The bindings ignore I2C transfer results, so a chip that fell off the bus
    /// (or was swapped) would decode as plausible-looking numbers; the probe, a checked transfer before every
    /// read, catches that first.
    /// </summary>
    public sealed class ProbedBindingDriver : ISensorDriver
    {
        private readonly II2cBus _bus;
        private readonly IChipProbe _probe;
        private readonly IChipBinding _binding;

        public ProbedBindingDriver(II2cBus bus, int address, IChipProbe probe, IChipBinding binding)
        {
            _bus = bus;
            Address = address;
            _probe = probe;
            _binding = binding;
        }

        public int Address { get; }

        public string Error { get; private set; }

        /// <summary>0: the binding converts and waits inside its own Read (docs/architecture.md, what the Bmxx80 binding still blocks).</summary>
        public int MsUntilReady
        {
            get { return 0; }
        }

        [SteadyState]
        public ReadOutcome Measure(double[] values)
        {
            string error = _probe.Check(_bus, Address);
            if (error != null)
            {
                Error = error;
                return ReadOutcome.Failed;
            }

            _binding.Measure(values);
            return ReadOutcome.Measured;
        }
    }
}
