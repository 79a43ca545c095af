using System.Text;
using SensorNode.Core.Mqtt;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>One application message as a firmware hands it to its MQTT client.</summary>
    public sealed class PublishedMessage
    {
        public PublishedMessage(string topic, byte[] payload, MqttQos qos, bool retain)
        {
            Topic = topic;
            Payload = payload;
            Qos = qos;
            Retain = retain;
        }

        public PublishedMessage(string topic, string payload, MqttQos qos, bool retain)
            : this(topic, Encoding.UTF8.GetBytes(payload), qos, retain)
        {
        }

        /// <summary>A message as the unit tests' fake link captured it.</summary>
        public static PublishedMessage Of(object captured)
        {
            Tests.Fakes.PublishedMessage m = (Tests.Fakes.PublishedMessage)captured;
            return new PublishedMessage(m.Topic, m.Bytes, m.Qos, m.Retain);
        }

        /// <summary>Every message <paramref name="link"/> captured, in order.</summary>
        public static PublishedMessage[] All(FakeMqttLink link)
        {
            PublishedMessage[] all = new PublishedMessage[link.Published.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Of(link.Published[i]);
            }

            return all;
        }

        public string Topic { get; }

        public byte[] Payload { get; }

        public MqttQos Qos { get; }

        public bool Retain { get; }

        public int TopicBytes => Encoding.UTF8.GetByteCount(Topic);

        public int PacketBytes => MqttPublishPacket.TotalBytes(TopicBytes, Payload.Length, Qos);

        public string PayloadText => Encoding.UTF8.GetString(Payload);
    }
}
