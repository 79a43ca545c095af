using SensorNode.Core.Mqtt;

namespace SensorNode.Tests.Fakes
{
    /// <summary>One PUBLISH as the link received it.</summary>
    public sealed class PublishedMessage
    {
        public string Topic;
        public string Payload;
        public MqttQos Qos;
        public bool Retain;
    }
}
