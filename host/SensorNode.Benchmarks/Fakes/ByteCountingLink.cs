using System.Collections.Generic;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// A broker connection that accepts everything and only counts what is published (in all and per topic), so the
    /// allocation figures show the core alone (a real client's packet buffers are the adapter's cost, not the core's).
    /// Unlike the unit tests' FakeMqttLink it keeps nothing per message, so a cycle through it allocates nothing. As
    /// a broker would, it delivers a publish on a topic the node subscribed to back to it (the node's reachability
    /// probe needs this to go online).
    /// </summary>
    public sealed class ByteCountingLink : IMqttLink
    {
        private readonly List<string> _filters = new List<string>();
        private IMqttLinkListener _listener;

        public long PublishCount { get; private set; }

        public TopicTally PublishesByTopic { get; } = new TopicTally();

        public long PayloadBytes { get; private set; }

        public bool IsConnected { get; private set; }

        public string LastError => null;

        public int Pending => 0;

        public void SetListener(IMqttLinkListener listener) => _listener = listener;

        public bool TryConnect(MqttConnectOptions options)
        {
            _filters.Clear();
            IsConnected = true;
            return true;
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            _filters.Add(topicFilter);
            return true;
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            PublishCount++;
            PublishesByTopic.Add(topic);
            PayloadBytes += length;
            foreach (string filter in _filters)
            {
                if (TopicFilter.Matches(filter, topic))
                {
                    byte[] copy = new byte[length];
                    System.Array.Copy(payload, copy, length);
                    _listener?.OnMessage(topic, copy, false, false);
                    break;
                }
            }

            return true;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }
    }
}
