using System;
using System.Collections;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// An in-memory broker connection for unit tests of the core's logic: records what the node sends and lets a
    /// test deliver messages or cut the connection. Integration tests use real brokers instead.
    /// </summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private IMqttLinkListener _listener;

        public bool AcceptConnect = true;
        public MqttConnectOptions LastOptions;
        public int ConnectCount;
        public int DisconnectCount;
        public readonly ArrayList Published = new ArrayList();
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>Every call in order: "connect", "subscribe:{filter}", "publish:{topic}", "disconnect".</summary>
        public readonly ArrayList Calls = new ArrayList();

        public bool IsConnected { get; private set; }

        public string LastError { get; private set; }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool TryConnect(MqttConnectOptions options)
        {
            ConnectCount++;
            LastOptions = options;
            Calls.Add("connect");
            if (!AcceptConnect)
            {
                LastError = "connection refused (fake)";
                return false;
            }

            IsConnected = true;
            return true;
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            Calls.Add("subscribe:" + topicFilter);
            Subscriptions.Add(topicFilter);
            return IsConnected;
        }

        public bool Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                LastError = "not connected";
                return false;
            }

            Calls.Add("publish:" + topic);
            PublishedMessage message = new PublishedMessage();
            message.Topic = topic;
            message.Bytes = new byte[length];
            Array.Copy(payload, message.Bytes, length);
            message.Payload = Utf8.GetString(payload, 0, length);
            message.Qos = qos;
            message.Retain = retain;
            Published.Add(message);
            return true;
        }

        public void Disconnect()
        {
            Calls.Add("disconnect");
            DisconnectCount++;
            IsConnected = false;
        }

        /// <summary>The broker delivers a message to the node.</summary>
        public void Deliver(string topic, string payload, bool retained)
        {
            Deliver(topic, Utf8.GetBytes(payload), retained);
        }

        /// <summary>The broker delivers these bytes, text or not.</summary>
        public void Deliver(string topic, byte[] payload, bool retained)
        {
            _listener.OnMessage(topic, payload, retained);
        }

        /// <summary>The connection dies without a DISCONNECT (the broker would now publish the Last-Will).</summary>
        public void Drop()
        {
            IsConnected = false;
            _listener.OnConnectionLost();
        }

        /// <summary>The last message published on <paramref name="topic"/>, or null.</summary>
        public PublishedMessage Last(string topic)
        {
            for (int i = Published.Count - 1; i >= 0; i--)
            {
                PublishedMessage message = (PublishedMessage)Published[i];
                if (message.Topic == topic)
                {
                    return message;
                }
            }

            return null;
        }

        public int CountOn(string topic)
        {
            int count = 0;
            foreach (PublishedMessage message in Published)
            {
                if (message.Topic == topic)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Every payload published on <paramref name="topic"/> that contains <paramref name="text"/>.</summary>
        public int CountContaining(string topic, string text)
        {
            int count = 0;
            foreach (PublishedMessage message in Published)
            {
                if (message.Topic == topic && message.Payload.IndexOf(text) >= 0)
                {
                    count++;
                }
            }

            return count;
        }

        public void ClearRecorded()
        {
            Published.Clear();
            Calls.Clear();
        }
    }
}
