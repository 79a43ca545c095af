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

        /// <summary>
        /// Messages handed to <see cref="Publish"/> that the link still holds: queued, or QoS 1 waiting for the
        /// broker's acknowledgement (0 for a link that has sent before Publish returns). What can wait (the history
        /// backlog) waits while this is high, so it never piles up in the link: on the device, in M2Mqtt's queue on
        /// a 110 KB heap.
        /// </summary>
        int Pending { get; }

        /// <summary>Orderly DISCONNECT: the broker drops the Last-Will.</summary>
        void Disconnect();
    }
}
