namespace SensorNode.Core.Mqtt
{
    public interface IMqttLinkListener
    {
        /// <summary><paramref name="retained"/> is true when the broker delivered a stored retained message.</summary>
        void OnMessage(string topic, byte[] payload, bool retained);

        void OnConnectionLost();
    }
}
