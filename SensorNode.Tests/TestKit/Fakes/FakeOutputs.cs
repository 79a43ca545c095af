using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A composition root's output factory that hands out the fakes it was given: one pin, one PWM output.</summary>
    public sealed class FakeOutputs : IOutputFactory
    {
        private readonly FakeOutput _digital;
        private readonly FakePwm _pwm;

        public FakeOutputs(FakePwm pwm)
            : this(null, pwm)
        {
        }

        public FakeOutputs(FakeOutput digital, FakePwm pwm)
        {
            _digital = digital;
            _pwm = pwm;
        }

        public IDigitalOutput Digital(OutputSpec spec)
        {
            return _digital;
        }

        /// <summary>The fake PWM output, made at <paramref name="frequencyHz"/> and <paramref name="initialDutyCycle"/> for the spec's kind.</summary>
        public IPwmOutput Pwm(OutputSpec spec, int frequencyHz, double initialDutyCycle)
        {
            _pwm.Kind = (PwmKind)spec.Kind;
            _pwm.FrequencyHz = frequencyHz;
            _pwm.DutyCycle = initialDutyCycle;
            return _pwm;
        }
    }
}
