namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// The node's connection to a broker, implemented by a board adapter (M2Mqtt on the device, MQTTnet on the
    /// host). Calls are made from the main loop; the listener is called from the link's own receive thread.
    /// </summary>
    public interface IMqttLink
    {
        bool IsConnected { get; }

        /// <summary>Why the last connect or publish failed.</summary>
        string LastError { get; }

        /// <summary>Where received messages and connection loss are reported.</summary>
        void SetListener(IMqttLinkListener listener);

        /// <summary>Blocking CONNECT; true once the broker accepted the session.</summary>
        bool TryConnect(MqttConnectOptions options);

        bool Subscribe(string topicFilter, MqttQos qos);

        /// <summary>Publishes the first <paramref name="length"/> bytes of <paramref name="payload"/>.</summary>
        bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain);

        /// <summary>Orderly DISCONNECT: the broker drops the Last-Will.</summary>
        void Disconnect();
    }
}
