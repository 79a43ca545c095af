using SensorNode.Core.Board;

namespace SensorNode.Core.Actuators
{
    /// <summary>One named output and the state the node believes it is in, including a running pulse.</summary>
    public sealed class Actuator
    {
        private readonly IDigitalOutput _output;
        private bool _pulseRunning;
        private long _pulseEndsAtMs;
        private bool _stateAfterPulse;

        public Actuator(string id, IDigitalOutput output, bool initiallyOn, bool safeOn)
        {
            Id = id;
            _output = output;
            SafeOn = safeOn;
            IsOn = initiallyOn;
            _output.Write(initiallyOn);
        }

        public string Id { get; }

        /// <summary>The state the output is left in when the node stops (normally off: de-energised).</summary>
        public bool SafeOn { get; }

        public bool IsOn { get; private set; }

        public bool PulseRunning
        {
            get { return _pulseRunning; }
        }

        /// <summary>Carries out a command; a new command always cancels a running pulse.</summary>
        public void Apply(ActuatorCommand command, long nowMs)
        {
            bool previous = IsOn;
            bool target = command.Action == ActuatorAction.On
                || (command.Action == ActuatorAction.Toggle && !IsOn);

            _pulseRunning = command.ForMs > 0;
            if (_pulseRunning)
            {
                _pulseEndsAtMs = nowMs + command.ForMs;
                _stateAfterPulse = previous;
            }

            Set(target);
        }

        /// <summary>Puts the output in its safe state and forgets any pulse.</summary>
        public void GoSafe()
        {
            _pulseRunning = false;
            Set(SafeOn);
        }

        /// <summary>Ends a pulse whose time is up; true when that changed the output.</summary>
        public bool Poll(long nowMs)
        {
            if (!_pulseRunning || nowMs < _pulseEndsAtMs)
            {
                return false;
            }

            _pulseRunning = false;
            bool changed = IsOn != _stateAfterPulse;
            Set(_stateAfterPulse);
            return changed;
        }

        /// <summary>Milliseconds until a running pulse ends, or -1 when none runs.</summary>
        public long MsUntilPulseEnds(long nowMs)
        {
            if (!_pulseRunning)
            {
                return -1;
            }

            long remaining = _pulseEndsAtMs - nowMs;
            return remaining < 0 ? 0 : remaining;
        }

        private void Set(bool on)
        {
            IsOn = on;
            _output.Write(on);
        }
    }
}
