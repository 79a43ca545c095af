using SensorNode.Core.Board;
using SensorNode.Core.Parts;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// One named output and the value the node believes it has, including a running pulse. What a command does to
    /// the value, and what values there are, is its <see cref="OutputKind"/>'s: a switch has 0 and 100 only; a dimmer
    /// any from 0 to 100 and returns to its last level above 0 on ON and TOGGLE; a servo any angle from 0 to 180.
    /// With a maximum on-time (<see cref="UseFailsafe"/>) it is switched off once it has been on (above 0) that long
    /// without a break, whatever commands and pulses say.
    /// </summary>
    public sealed class Actuator
    {
        public const int Full = 100;

        private readonly IOutputWriter _output;
        private bool _pulseRunning;
        private long _pulseEndsAtMs;
        private int _levelAfterPulse;
        private int _lastOnLevel = Full;

        /// <summary>On since a moment not yet read from the clock (boot, safe state): the next poll starts the count.</summary>
        private const long OnSinceUnknown = long.MinValue;
        private long _maxOnMs;
        private long _onSinceMs = -1;

        /// <summary>An output of <paramref name="kind"/>, its value written to <paramref name="output"/>.</summary>
        public Actuator(string id, OutputKind kind, IOutputWriter output, int initialValue, int safeValue)
        {
            kind.CheckValue(id, "boot value", initialValue);
            kind.CheckValue(id, "safe value", safeValue);
            Id = id;
            Kind = kind;
            _output = output;
            SafeLevel = safeValue;
            Set(initialValue);
        }

        /// <summary>A switch (relay, LED).</summary>
        public Actuator(string id, IDigitalOutput output, bool initiallyOn, bool safeOn)
            : this(id, OutputKind.Switch, SwitchKind.Writer(output), initiallyOn ? Full : 0, safeOn ? Full : 0)
        {
        }

        /// <summary>A dimmer.</summary>
        public Actuator(string id, ILevelOutput output, int initialLevel, int safeLevel)
            : this(id, OutputKind.Dimmer, output, initialLevel, safeLevel)
        {
        }

        public string Id { get; }

        public OutputKind Kind { get; }

        /// <summary>The level the output is left at when the node stops (normally 0: de-energised).</summary>
        public int SafeLevel { get; }

        /// <summary>After this long without the broker the controller puts the output in its safe state; 0: never.</summary>
        public long OfflineSafeAfterMs { get; private set; }

        /// <summary>Longest time on without a break; 0: no limit.</summary>
        public long MaxOnMs
        {
            get { return _maxOnMs; }
        }

        /// <summary>Sets the failsafes (seconds; 0: none), refused with the reason when they cannot be (<see cref="Failsafe.Check"/>).</summary>
        public void UseFailsafe(int maxOnSeconds, int offlineSafeSeconds)
        {
            string invalid = Kind.CheckFailsafe(Id, maxOnSeconds, offlineSafeSeconds, SafeLevel);
            if (invalid != null)
            {
                throw new System.ArgumentException(invalid);
            }

            _maxOnMs = maxOnSeconds * 1000L;
            OfflineSafeAfterMs = offlineSafeSeconds * 1000L;
        }

        /// <summary>The value: 0..100 (a switch 0 or 100), a servo's angle 0..180.</summary>
        public int Level { get; private set; }

        public bool IsOn
        {
            get { return Level > 0; }
        }

        /// <summary>Carries out a command its kind parsed; a new command always cancels a running pulse.</summary>
        public void Apply(ActuatorCommand command, long nowMs)
        {
            int previous = Level;
            int target = Kind.Target(command, Level, _lastOnLevel);

            _pulseRunning = command.ForMs > 0;
            if (_pulseRunning)
            {
                _pulseEndsAtMs = nowMs + command.ForMs;
                _levelAfterPulse = previous;
            }

            Set(target);
            CountOnTime(nowMs);
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
            CountOnTime(nowMs);
            return changed;
        }

        /// <summary>
        /// Switches the output off when it has been on for its maximum on-time (a running pulse ends with it); true
        /// when it did.
        /// </summary>
        public bool EnforceMaxOn(long nowMs)
        {
            CountOnTime(nowMs);
            if (_maxOnMs == 0 || _onSinceMs < 0 || nowMs - _onSinceMs < _maxOnMs)
            {
                return false;
            }

            _pulseRunning = false;
            Set(0);
            _onSinceMs = -1;
            return true;
        }

        /// <summary>Milliseconds until the maximum on-time switches the output off, or -1 when it will not.</summary>
        public long MsUntilMaxOn(long nowMs)
        {
            if (_maxOnMs == 0 || !IsOn)
            {
                return -1;
            }

            if (_onSinceMs == OnSinceUnknown)
            {
                return 0; // the next poll starts the count
            }

            return Waits.Until(_onSinceMs + _maxOnMs, nowMs);
        }

        /// <summary>Keeps when the output last went on: a level change while on is no new start.</summary>
        private void CountOnTime(long nowMs)
        {
            if (!IsOn)
            {
                _onSinceMs = -1;
            }
            else if (_onSinceMs < 0)
            {
                _onSinceMs = nowMs;
            }
        }

        /// <summary>Milliseconds until a running pulse ends, or -1 when none runs.</summary>
        public long MsUntilPulseEnds(long nowMs)
        {
            if (!_pulseRunning)
            {
                return -1;
            }

            return Waits.Until(_pulseEndsAtMs, nowMs);
        }

        private void Set(int level)
        {
            if (level > 0 && Level == 0)
            {
                _onSinceMs = OnSinceUnknown; // Apply and Poll put the clock's time in at once; boot and GoSafe at the next poll
            }

            Level = level;
            if (level > 0)
            {
                _lastOnLevel = level;
            }

            _output.Write(level);
        }
    }
}
