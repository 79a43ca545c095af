using System;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Outputs
{
    /// <summary>The virtual board's outputs for the specs, each change said on the board's console line.</summary>
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

        public ILevelOutput Level(OutputSpec spec)
        {
            return new VirtualDimmer(spec.Id, d => _say("output " + d.Id + " is at " + d.Level + " %"));
        }

        public IAngleOutput Angle(OutputSpec spec)
        {
            return new VirtualServo(spec.Id, s => _say("output " + s.Id + " is at " + s.Degrees + "°"));
        }
    }
}
