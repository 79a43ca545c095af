namespace SensorNode.Core.Mqtt
{
    public interface IMqttLinkListener
    {
        /// <summary>
        /// <paramref name="retained"/> is true when the broker delivered a stored retained message;
        /// <paramref name="duplicate"/> when it is a QoS 1 redelivery (DUP flag) of one it may have delivered before.
        /// </summary>
        void OnMessage(string topic, byte[] payload, bool retained, bool duplicate);

        void OnConnectionLost();
    }
}
