using System;
using System.Globalization;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>
    /// A PWM output of the virtual board: remembers its duty cycle and reports every change with what its kind says the
    /// duty means (a dimmer's level, a servo's angle), as a person watching the load would see it.
    /// </summary>
    public sealed class VirtualPwmOutput : IPwmOutput
    {
        private readonly Action<VirtualPwmOutput> _changed;
        private bool _written;

        /// <param name="changed">Called after every write that changed the duty cycle (and after the first write).</param>
        public VirtualPwmOutput(OutputSpec spec, int frequencyHz, double initialDutyCycle, Action<VirtualPwmOutput> changed)
        {
            Id = spec.Id;
            Kind = (PwmKind)spec.Kind;
            FrequencyHz = frequencyHz;
            DutyCycle = initialDutyCycle;
            _changed = changed;
        }

        public string Id { get; }

        public PwmKind Kind { get; }

        public int FrequencyHz { get; }

        public double DutyCycle { get; private set; }

        /// <summary>The kind's value at the duty cycle (a level in %, an angle), or -1 when it stands for none.</summary>
        public int Value => Kind.ValueAt(DutyCycle);

        /// <summary>"40 %", "90°"; or the duty cycle itself when it stands for no value of the kind ("duty 0 %: not a servo value").</summary>
        public string ValueText => Value >= 0 ? Kind.ValueText(Value) : "duty " + (DutyCycle * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %: not a " + Kind.Name + " value";

        public void Write(double dutyCycle)
        {
            bool changed = !_written || dutyCycle != DutyCycle;
            _written = true;
            DutyCycle = dutyCycle;
            if (changed)
            {
                _changed?.Invoke(this);
            }
        }
    }
}
