using SensorNode.Core.Mqtt;

namespace SensorNode.Core.Parts
{
    /// <summary>
    /// One responsibility of the node (configuration, actuators, telemetry, and each later one), run by
    /// <see cref="Node"/>'s loop. A part declares the topics it takes messages on; the node subscribes to them after
    /// every connect, applies the retained-message rule and the size limit, and hands the part only what passed.
    /// Adding an inbound topic is one part (or one more <see cref="InboundTopic"/> of a part) and one
    /// <see cref="Node.AddPart"/> line.
    /// </summary>
    public interface INodePart
    {
        /// <summary>The topic scheme changed (at start, or a new prefix or node id): make topics and <see cref="Inbound"/> anew.</summary>
        void UseTopics(TopicScheme topics);

        /// <summary>The topic filters this part takes messages on; empty for a part that only publishes.</summary>
        InboundTopic[] Inbound { get; }

        /// <summary>A message on <c>Inbound[inbound]</c>, already past the retained rule and the size limit.</summary>
        void OnMessage(int inbound, string topic, byte[] payload, long nowMs);

        /// <summary>After every connect, once the node is subscribed and "online": republish what must be retained.</summary>
        void OnConnected(long nowMs);

        /// <summary>Does what is due; called on every turn of the loop.</summary>
        void Poll(long nowMs);

        /// <summary>Milliseconds until <see cref="Poll"/> has work, or -1 when nothing is scheduled.</summary>
        long MsUntilWork(long nowMs);

        /// <summary>Before an orderly stop, while still connected: leave hardware safe and say so.</summary>
        void OnStop();
    }
}
