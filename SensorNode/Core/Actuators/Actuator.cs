using SensorNode.Core.Board;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// One named output and the state the node believes it is in, including a running pulse. A switch has the
    /// levels 0 and 100 only; a dimmer any from 0 to 100 and remembers its last level above 0, which ON and TOGGLE
    /// return to.
    /// </summary>
    public sealed class Actuator
    {
        public const int Full = 100;

        private readonly IDigitalOutput _switch;
        private readonly ILevelOutput _dimmer;
        private bool _pulseRunning;
        private long _pulseEndsAtMs;
        private int _levelAfterPulse;
        private int _lastOnLevel = Full;

        /// <summary>A switch (relay, LED).</summary>
        public Actuator(string id, IDigitalOutput output, bool initiallyOn, bool safeOn)
        {
            Id = id;
            Kind = OutputKind.Switch;
            _switch = output;
            SafeLevel = safeOn ? Full : 0;
            Set(initiallyOn ? Full : 0);
        }

        /// <summary>A dimmer.</summary>
        public Actuator(string id, ILevelOutput output, int initialLevel, int safeLevel)
        {
            Id = id;
            Kind = OutputKind.Dimmer;
            _dimmer = output;
            SafeLevel = safeLevel;
            Set(initialLevel);
        }

        public string Id { get; }

        public OutputKind Kind { get; }

        /// <summary>The level the output is left at when the node stops (normally 0: de-energised).</summary>
        public int SafeLevel { get; }

        /// <summary>0..100; a switch is 0 or 100.</summary>
        public int Level { get; private set; }

        public bool IsOn
        {
            get { return Level > 0; }
        }

        /// <summary>Carries out a command (a level only on a dimmer); a new command always cancels a running pulse.</summary>
        public void Apply(ActuatorCommand command, long nowMs)
        {
            int previous = Level;
            int target;
            switch (command.Action)
            {
                case ActuatorAction.On: target = OnLevel(); break;
                case ActuatorAction.Toggle: target = IsOn ? 0 : OnLevel(); break;
                case ActuatorAction.Level: target = command.Level; break;
                default: target = 0; break;
            }

            _pulseRunning = command.ForMs > 0;
            if (_pulseRunning)
            {
                _pulseEndsAtMs = nowMs + command.ForMs;
                _levelAfterPulse = previous;
            }

            Set(target);
        }

        /// <summary>Puts the output in its safe state and forgets any pulse.</summary>
        public void GoSafe()
        {
            _pulseRunning = false;
            Set(SafeLevel);
        }

        /// <summary>Ends a pulse whose time is up; true when that changed the output.</summary>
        public bool Poll(long nowMs)
        {
            if (!_pulseRunning || nowMs < _pulseEndsAtMs)
            {
                return false;
            }

            _pulseRunning = false;
            bool changed = Level != _levelAfterPulse;
            Set(_levelAfterPulse);
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

        private int OnLevel()
        {
            return Kind == OutputKind.Switch ? Full : _lastOnLevel;
        }

        private void Set(int level)
        {
            Level = level;
            if (level > 0)
            {
                _lastOnLevel = level;
            }

            if (Kind == OutputKind.Switch)
            {
                _switch.Write(level > 0);
            }
            else
            {
                _dimmer.Write(level);
            }
        }
    }
}
