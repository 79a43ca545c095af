using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// A broker connection that accepts everything and only counts what is published (in all and per topic), so the
    /// allocation figures show the core alone (a real client's packet buffers are the adapter's cost, not the core's).
    /// </summary>
    public sealed class ByteCountingLink : IMqttLink
    {
        public long PublishCount { get; private set; }

        public TopicTally PublishesByTopic { get; } = new TopicTally();

        public long PayloadBytes { get; private set; }

        public bool IsConnected { get; private set; }

        public string LastError => null;

        public int Pending => 0;

        private readonly LoopbackSubscriptions _subscriptions = new LoopbackSubscriptions();

        public void SetListener(IMqttLinkListener listener) => _subscriptions.SetListener(listener);

        public bool TryConnect(MqttConnectOptions options)
        {
            _subscriptions.Clear();
            IsConnected = true;
            return true;
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            _subscriptions.Subscribe(topicFilter);
            return true;
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            PublishCount++;
            PublishesByTopic.Add(topic);
            PayloadBytes += length;
            _subscriptions.Echo(topic, payload, length);
            return true;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }
    }
}
