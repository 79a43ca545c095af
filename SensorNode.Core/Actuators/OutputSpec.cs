namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// One output as a board describes it: id, kind, pin, polarity, boot and safe state, failsafes. The device's board profile
    /// and the simulator's virtual board list their outputs this way; the composition root makes the adapter.
    /// </summary>
    public sealed class OutputSpec
    {
        private OutputSpec(string id, OutputKind kind, int gpio, bool activeLow, int initialLevel, int safeLevel, int maxOnSeconds, int offlineSafeSeconds)
        {
            MaxOnSeconds = maxOnSeconds;
            OfflineSafeSeconds = offlineSafeSeconds;
            Id = id;
            Kind = kind;
            Gpio = gpio;
            ActiveLow = activeLow;
            InitialLevel = initialLevel;
            SafeLevel = safeLevel;
        }

        public string Id { get; }

        public OutputKind Kind { get; }

        /// <summary>The GPIO driving the load; unused in the simulator.</summary>
        public int Gpio { get; }

        /// <summary>True when the load is on with the pin low (most relay modules; an inverting MOSFET driver).</summary>
        public bool ActiveLow { get; }

        /// <summary>Value at boot: 0 or 100 for a switch, 0..100 for a dimmer, an angle for a servo.</summary>
        public int InitialLevel { get; }

        /// <summary>Value the output is left at when the node stops in order (and after too long offline, with that failsafe).</summary>
        public int SafeLevel { get; }

        /// <summary>Longest the output stays on (a dimmer: above 0 %) whatever commands say, then OFF; 0: no limit.</summary>
        public int MaxOnSeconds { get; }

        /// <summary>After this long without the broker the output goes to its safe state; 0: it keeps its state.</summary>
        public int OfflineSafeSeconds { get; }

        /// <summary>
        /// This output with failsafes (<see cref="Failsafe"/>); refused at start with the reason when they cannot be.
        /// </summary>
        public OutputSpec WithFailsafe(int maxOnSeconds, int offlineSafeSeconds)
        {
            string invalid = Kind.CheckFailsafe(Id, maxOnSeconds, offlineSafeSeconds, SafeLevel);
            if (invalid != null)
            {
                throw new System.ArgumentException(invalid);
            }

            return new OutputSpec(Id, Kind, Gpio, ActiveLow, InitialLevel, SafeLevel, maxOnSeconds, offlineSafeSeconds);
        }

        public bool InitiallyOn
        {
            get { return InitialLevel > 0; }
        }

        public bool SafeOn
        {
            get { return SafeLevel > 0; }
        }

        /// <summary>A relay or LED.</summary>
        public static OutputSpec Switch(string id, int gpio, bool activeLow, bool initiallyOn, bool safeOn)
        {
            return new OutputSpec(id, OutputKind.Switch, gpio, activeLow, initiallyOn ? Actuator.Full : 0, safeOn ? Actuator.Full : 0, 0, 0);
        }

        /// <summary>A PWM dimmer, 0..100 %.</summary>
        public static OutputSpec Dimmer(string id, int gpio, bool activeLow, int initialLevel, int safeLevel)
        {
            return Of(id, OutputKind.Dimmer, gpio, activeLow, initialLevel, safeLevel);
        }

        /// <summary>A hobby servo on PWM, 0..180°; its boot and safe angle (90: the middle).</summary>
        public static OutputSpec Servo(string id, int gpio, int initialAngle, int safeAngle)
        {
            return Of(id, OutputKind.Servo, gpio, false, initialAngle, safeAngle);
        }

        /// <summary>An output of any kind, its boot and safe values checked against the kind's range.</summary>
        public static OutputSpec Of(string id, OutputKind kind, int gpio, bool activeLow, int initialValue, int safeValue)
        {
            kind.CheckValue(id, "boot value", initialValue);
            kind.CheckValue(id, "safe value", safeValue);
            return new OutputSpec(id, kind, gpio, activeLow, initialValue, safeValue, 0, 0);
        }
    }
}
