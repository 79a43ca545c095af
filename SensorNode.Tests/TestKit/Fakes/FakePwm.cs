using System.Collections;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>Records the frequency a PWM output was made at and every duty cycle written to it.</summary>
    public sealed class FakePwm : IPwmOutput
    {
        public readonly ArrayList Writes = new ArrayList();
        public PwmKind Kind;
        public int FrequencyHz;
        public double DutyCycle;

        /// <summary>What the kind reads from the duty cycle: a dimmer's level, a servo's angle.</summary>
        public int Value
        {
            get { return Kind.ValueAt(DutyCycle); }
        }

        public void Write(double dutyCycle)
        {
            DutyCycle = dutyCycle;
            Writes.Add(dutyCycle.ToString());
        }
    }
}
