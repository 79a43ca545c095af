using System;
using System.Collections.Generic;
using SensorNode.Benchmarks.Wire;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>A broker connection that keeps a copy of every PUBLISH, for measuring what goes on the wire.</summary>
    public sealed class CapturingLink : IMqttLink
    {
        public List<PublishedMessage> Published { get; } = new List<PublishedMessage>();

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
            byte[] copy = new byte[length];
            Array.Copy(payload, copy, length);
            Published.Add(new PublishedMessage(topic, copy, qos, retain));
            _subscriptions.Echo(topic, payload, length);
            return true;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }
    }
}
