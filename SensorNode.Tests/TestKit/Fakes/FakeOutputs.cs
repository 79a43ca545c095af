using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A composition root's output factory that hands out the fakes it was given, one per kind.</summary>
    public sealed class FakeOutputs : IOutputFactory
    {
        private readonly FakeOutput _digital;
        private readonly FakeDimmer _level;
        private readonly FakeServo _angle;

        public FakeOutputs(FakeServo angle)
            : this(null, null, angle)
        {
        }

        public FakeOutputs(FakeOutput digital, FakeDimmer level, FakeServo angle)
        {
            _digital = digital;
            _level = level;
            _angle = angle;
        }

        public IDigitalOutput Digital(OutputSpec spec)
        {
            return _digital;
        }

        public ILevelOutput Level(OutputSpec spec)
        {
            return _level;
        }

        public IAngleOutput Angle(OutputSpec spec)
        {
            return _angle;
        }
    }
}
