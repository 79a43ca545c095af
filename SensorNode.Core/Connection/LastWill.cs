using SensorNode.Core.Text;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// The message the broker publishes (retained) when the node vanishes without a goodbye, and the payload that
    /// says the node is alive on the same topic. MQTT keeps one per connection: "{base}/status" "offline" by
    /// default; a convention that needs it for itself (Homie's "$state" "lost") claims it.
    /// </summary>
    public sealed class LastWill
    {
        public LastWill(string topic, string lostPayload, string alivePayload)
        {
            Topic = topic;
            LostText = lostPayload;
            AliveText = alivePayload;
            Lost = Utf8.GetBytes(lostPayload);
        }

        public string Topic { get; }

        /// <summary>What the broker publishes: "offline", "lost".</summary>
        public byte[] Lost { get; }

        public string LostText { get; }

        /// <summary>What the topic says while the node is up: "online", "ready".</summary>
        public string AliveText { get; }
    }
}
