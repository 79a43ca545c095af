using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// A kind that drives a PWM signal (<see cref="IPwmOutput"/>): it names its frequency and turns its values into duty
    /// cycles and back; opening it asks the composition root's factory for a PWM output at that frequency. The dimmer
    /// and the servo are two of these; a new one needs no new hardware interface, adapter, virtual output or fake.
    /// </summary>
    public abstract class PwmKind : OutputKind
    {
        protected PwmKind(string name, int maxValue, string component, int frequencyHz)
            : base(name, maxValue, component)
        {
            FrequencyHz = frequencyHz;
        }

        /// <summary>The signal's frequency: a dimmer's 1 kHz, a servo's 50 Hz.</summary>
        public int FrequencyHz { get; }

        /// <summary>The duty cycle (0.0 to 1.0) that sets the load to <paramref name="value"/>.</summary>
        public abstract double DutyCycle(int value);

        /// <summary>
        /// The value a duty cycle sets the load to (the nearest), or -1 when it stands for none of this kind's values; for
        /// what watches the signal rather than the node (the simulator's and the virtual ESP32's console, the tests' fake).
        /// </summary>
        public abstract int ValueAt(double dutyCycle);

        public sealed override IOutputWriter Open(OutputSpec spec, IOutputFactory outputs)
        {
            return new PwmWriter(this, outputs.Pwm(spec, FrequencyHz, DutyCycle(spec.InitialLevel)));
        }

        /// <summary>The nearest whole number to a value at or above 0 (rounding half up, the same on every runtime).</summary>
        protected static int Nearest(double value)
        {
            return (int)(value + 0.5);
        }

        /// <summary>A value written as its kind's duty cycle.</summary>
        private sealed class PwmWriter : IOutputWriter
        {
            private readonly PwmKind _kind;
            private readonly IPwmOutput _output;

            public PwmWriter(PwmKind kind, IPwmOutput output)
            {
                _kind = kind;
                _output = output;
            }

            [SteadyState]
            public void Write(int value)
            {
                _output.Write(_kind.DutyCycle(value));
            }
        }
    }
}
