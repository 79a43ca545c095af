using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// The size of an MQTT 3.1.1 PUBLISH packet (OASIS MQTT 3.1.1, sections 2.2 and 3.3):
    /// <code>
    /// total            = 1 (packet type + flags) + VarintBytes(remaining) + remaining
    /// remaining        = 2 (topic length) + topic bytes (UTF-8) + packet id (2 when QoS > 0, else 0) + payload bytes
    /// VarintBytes(n)   = 1 for n &lt; 128, 2 for n &lt; 16 384, 3 for n &lt; 2 097 152, else 4 (7 bits per byte)
    /// </code>
    /// TCP/IP and TLS overhead are not included; neither are PUBACKs (every telemetry publish compared is QoS 0).
    /// </summary>
    public static class MqttPublishPacket
    {
        public const int FixedHeaderTypeBytes = 1;
        public const int TopicLengthBytes = 2;
        public const int PacketIdBytes = 2;

        public static int PacketIdBytesFor(MqttQos qos) => qos == MqttQos.AtMostOnce ? 0 : PacketIdBytes;

        public static int RemainingLength(int topicBytes, int payloadBytes, MqttQos qos)
            => TopicLengthBytes + topicBytes + PacketIdBytesFor(qos) + payloadBytes;

        /// <summary>Bytes of the "remaining length" field: a base-128 varint, 7 bits per byte.</summary>
        public static int VarintBytes(int value)
        {
            int bytes = 1;
            while (value >= 128)
            {
                value /= 128;
                bytes++;
            }

            return bytes;
        }

        public static int TotalBytes(int topicBytes, int payloadBytes, MqttQos qos)
        {
            int remaining = RemainingLength(topicBytes, payloadBytes, qos);
            return FixedHeaderTypeBytes + VarintBytes(remaining) + remaining;
        }
    }
}
