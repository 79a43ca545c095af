using SensorNode.Core.Mqtt;

namespace SensorNode.Tests.Fakes
{
    /// <summary>One PUBLISH as the link received it.</summary>
    public sealed class PublishedMessage
    {
        public string Topic;
        /// <summary>The payload decoded (what is not UTF-8 shows as U+FFFD).</summary>
        public string Payload;

        /// <summary>The payload exactly as published, for checks of the bytes themselves (host/SensorNode.FuzzTests).</summary>
        public byte[] Bytes;
        public MqttQos Qos;
        public bool Retain;
    }
}
