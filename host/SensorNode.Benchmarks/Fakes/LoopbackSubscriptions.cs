using System.Collections.Generic;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>
    /// What a broker does for a fake link: a publish on a topic the node subscribed to comes back to it (the node's
    /// reachability probe needs this to go online).
    /// </summary>
    public sealed class LoopbackSubscriptions
    {
        private readonly List<string> _filters = new List<string>();
        private IMqttLinkListener _listener;

        public void SetListener(IMqttLinkListener listener) => _listener = listener;

        public void Subscribe(string filter) => _filters.Add(filter);

        public void Clear() => _filters.Clear();

        public void Echo(string topic, byte[] payload, int length)
        {
            foreach (string filter in _filters)
            {
                if (TopicFilter.Matches(filter, topic))
                {
                    byte[] copy = new byte[length];
                    System.Array.Copy(payload, copy, length);
                    _listener?.OnMessage(topic, copy, false, false);
                    return;
                }
            }
        }
    }
}
