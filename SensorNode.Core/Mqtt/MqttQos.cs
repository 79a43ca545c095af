namespace SensorNode.Core.Mqtt
{
    /// <summary>The MQTT delivery guarantees the node uses (it never needs exactly-once).</summary>
    public enum MqttQos
    {
        AtMostOnce = 0,
        AtLeastOnce = 1
    }
}
