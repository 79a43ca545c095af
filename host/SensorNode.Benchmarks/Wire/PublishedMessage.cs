using System.Text;
using SensorNode.Core.Mqtt;

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

        public string Topic { get; }

        public byte[] Payload { get; }

        public MqttQos Qos { get; }

        public bool Retain { get; }

        public int TopicBytes => Encoding.UTF8.GetByteCount(Topic);

        public int PacketBytes => MqttPublishPacket.TotalBytes(TopicBytes, Payload.Length, Qos);

        public string PayloadText => Encoding.UTF8.GetString(Payload);
    }
}
