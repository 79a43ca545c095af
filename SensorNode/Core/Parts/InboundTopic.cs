namespace SensorNode.Core.Parts
{
    /// <summary>
    /// A topic filter a part takes messages on, with the rules the node applies before the part sees a message:
    /// the largest payload accepted and the event type that reports a bigger one.
    /// </summary>
    public sealed class InboundTopic
    {
        public InboundTopic(string filter, int maxPayloadBytes, string rejectedEventType, string what)
        {
            Filter = filter;
            MaxPayloadBytes = maxPayloadBytes;
            RejectedEventType = rejectedEventType;
            What = what;
        }

        /// <summary>An MQTT topic filter ('+' and '#' allowed), e.g. "{base}/actuator/+/set".</summary>
        public string Filter { get; }

        public int MaxPayloadBytes { get; }

        /// <summary>The event that reports an oversized payload, e.g. "command_rejected".</summary>
        public string RejectedEventType { get; }

        /// <summary>What a message here is, for events: "command", "config".</summary>
        public string What { get; }
    }
}
