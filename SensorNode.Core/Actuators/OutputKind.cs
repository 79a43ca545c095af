using SensorNode.Core.Board;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// What kind of output an actuator is, and everything that depends on it: the hardware it asks the board for, the
    /// commands it takes, what they do to its value, how its state is reported, what its failsafes mean and how Home
    /// Assistant sees it. The controller, the discovery and the composition roots ask the kind and never look at
    /// which one it is. A new kind is one class here and one line in <see cref="All"/> (docs/architecture.md); a kind on
    /// PWM derives from <see cref="PwmKind"/>, which opens the board's PWM output at the kind's frequency.
    /// </summary>
    public abstract class OutputKind
    {
        /// <summary>On or off: a relay, an LED. Reported as "ON"/"OFF".</summary>
        public static readonly OutputKind Switch = new SwitchKind();

        /// <summary>A level from 0 to 100 %: a PWM dimmer. Reported as {"state":"ON","level":40}.</summary>
        public static readonly OutputKind Dimmer = new DimmerKind();

        /// <summary>An angle from 0 to 180°: a hobby servo on PWM. Reported as 90.</summary>
        public static readonly OutputKind Servo = new ServoKind();

        /// <summary>Every kind, for a board description that names one by <see cref="Name"/>.</summary>
        public static OutputKind[] All()
        {
            return new OutputKind[] { Switch, Dimmer, Servo };
        }

        /// <summary>The kind of that <see cref="Name"/>, or null.</summary>
        public static OutputKind Named(string name)
        {
            OutputKind[] all = All();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Name == name)
                {
                    return all[i];
                }
            }

            return null;
        }

        /// <summary>Where an output of this kind rests when a board names no other boot or safe value: off, a servo's middle.</summary>
        public virtual int RestValue
        {
            get { return 0; }
        }

        protected OutputKind(string name, int maxValue, string component)
        {
            Name = name;
            MaxValue = maxValue;
            Component = component;
        }

        /// <summary>"switch", "dimmer", "servo": the word of the simulator's --outputs and of the logs.</summary>
        public string Name { get; }

        /// <summary>The highest value (100 %, 180°); the lowest is 0.</summary>
        public int MaxValue { get; }

        /// <summary>Home Assistant's component for it: switch, light, number.</summary>
        public string Component { get; }

        /// <summary>The board's output for this kind, made by the composition root's one factory, as a writer of values.</summary>
        public abstract IOutputWriter Open(OutputSpec spec, IOutputFactory outputs);

        /// <summary>Reads a "/set" payload for output <paramref name="id"/> into <paramref name="command"/>: null, or what is wrong.</summary>
        public abstract string Parse(string id, byte[] payload, int length, ActuatorCommand command);

        /// <summary>The value a command sets, from the current one and the last one above 0.</summary>
        public abstract int Target(ActuatorCommand command, int current, int lastOn);

        /// <summary>The payload of "{base}/actuator/{id}/state".</summary>
        public abstract void AppendStatePayload(PayloadBuilder payload, int value);

        /// <summary>The output's value in the "{base}/state" snapshot (JSON).</summary>
        public abstract void AppendStateJson(PayloadBuilder json, int value);

        /// <summary>The value for people (log lines, events): "ON", "40 %", "90°".</summary>
        public abstract string ValueText(int value);

        /// <summary>The value in a command's log line: ON or OFF, unless the kind has no such states.</summary>
        public virtual string LogValue(int value)
        {
            return ActuatorController.StateText(value > 0);
        }

        /// <summary>The log line of a plain command; the lines are made once per output, so the steady state builds none.</summary>
        public virtual string LogLine(string id, int value, string onLine, string offLine)
        {
            return value > 0 ? onLine : offLine;
        }

        /// <summary>Why these failsafes cannot be for this kind (<see cref="Failsafe"/>), or null.</summary>
        public virtual string CheckFailsafe(string id, int maxOnSeconds, int offlineSafeSeconds, int safeValue)
        {
            return Failsafe.Check(id, maxOnSeconds, offlineSafeSeconds, safeValue);
        }

        /// <summary>True when its values are only off and on (a switch): a convention shows it as a boolean, not a number.</summary>
        public virtual bool IsOnOff
        {
            get { return false; }
        }

        /// <summary>The unit of its value for a convention that shows one ("%", "°"), or null.</summary>
        public virtual string Unit
        {
            get { return null; }
        }

        /// <summary>
        /// The "/set" payload of this kind's own grammar that sets <paramref name="value"/> (a convention's command is
        /// translated into it, so it passes the same parser, checks and events as any command): 90 for a servo.
        /// </summary>
        public virtual void AppendSetCommand(PayloadBuilder command, int value)
        {
            command.AppendInteger(value);
        }

        /// <summary>The component's keys after command_topic and state_topic (Home Assistant MQTT discovery).</summary>
        public abstract void AppendDiscovery(PayloadBuilder json, string commandTopic, string stateTopic);

        /// <summary>Refuses a boot or safe value outside 0..<see cref="MaxValue"/> at start, naming it.</summary>
        public void CheckValue(string id, string what, int value)
        {
            if (value < 0 || value > MaxValue)
            {
                throw new System.ArgumentException("output " + id + ": " + what + " " + value + " is outside 0 to " + MaxValue + " for a " + Name);
            }
        }
    }
}
