namespace SensorNode.Core.Parts
{
    /// <summary>
    /// A topic filter a part takes messages on, with the rules the node applies before the part sees a message:
    /// the largest payload accepted and the event type that reports a bigger one.
    /// </summary>
    public sealed class InboundTopic
    {
        /// <summary>A topic of commands: a retained message (one left on the broker) is ignored unless the config says otherwise.</summary>
        public InboundTopic(string filter, int maxPayloadBytes, string rejectedEventType, string what)
            : this(filter, maxPayloadBytes, rejectedEventType, what, false)
        {
        }

        /// <param name="retainedIsNews">True for a topic of states, not commands (Home Assistant's status): a retained message there is news too.</param>
        public InboundTopic(string filter, int maxPayloadBytes, string rejectedEventType, string what, bool retainedIsNews)
        {
            Filter = filter;
            MaxPayloadBytes = maxPayloadBytes;
            RejectedEventType = rejectedEventType;
            What = what;
            RetainedIsNews = retainedIsNews;
        }

        /// <summary>An MQTT topic filter ('+' and '#' allowed), e.g. "{base}/actuator/+/set".</summary>
        public string Filter { get; }

        public int MaxPayloadBytes { get; }

        /// <summary>The event that reports an oversized payload, e.g. "command_rejected".</summary>
        public string RejectedEventType { get; }

        /// <summary>What a message here is, for events: "command", "config".</summary>
        public string What { get; }

        /// <summary>True when a retained message is passed on like any other.</summary>
        public bool RetainedIsNews { get; }
    }
}
