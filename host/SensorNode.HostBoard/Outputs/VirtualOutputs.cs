using System;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>
    /// The virtual board's outputs for the specs, each change said on the board's console line: "output relay is ON",
    /// and for a PWM output its kind's value at the duty cycle ("output strip is at 40 %", "output arm is at 90°").
    /// </summary>
    public sealed class VirtualOutputs : IOutputFactory
    {
        private readonly Action<string> _say;

        public VirtualOutputs(Action<string> say)
        {
            _say = say;
        }

        public IDigitalOutput Digital(OutputSpec spec)
        {
            return new VirtualOutput(spec.Id, o => _say("output " + o.Id + " is " + (o.IsOn ? "ON" : "OFF")));
        }

        public IPwmOutput Pwm(OutputSpec spec, int frequencyHz, double initialDutyCycle)
        {
            return new VirtualPwmOutput(spec, frequencyHz, initialDutyCycle, o => _say("output " + o.Id + " is at " + o.ValueText));
        }
    }
}
