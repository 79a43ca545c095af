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

        /// <summary>The thread the last CONNECT came from.</summary>
        public System.Threading.Thread ConnectThread;

        /// <summary>Like a broker, deliver the node's own publishes on topics it subscribed to back to it (its probe).</summary>
        public bool EchoSubscribed = true;

        /// <summary>Like a broker's ACL: publishes under this prefix are taken and silently dropped; null denies none.</summary>
        public string DenyPublishUnder;

        /// <summary>Like a broker's ACL: subscriptions under this prefix are refused; null refuses none.</summary>
        public string DenySubscribeUnder;

        /// <summary>Publishes to topics under this prefix fail, as M2MqttLink's do when the heap has no room for the packet.</summary>
        public string FailPublishUnder;
        public MqttConnectOptions LastOptions;
        public int ConnectCount;
        public int DisconnectCount;
        public readonly ArrayList Published = new ArrayList();
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>Like a persistent session: messages the broker kept while the node was away, delivered right after the next CONNECT.</summary>
        public readonly ArrayList SessionQueue = new ArrayList();

        /// <summary>Every call in order: "connect", "subscribe:{filter}", "publish:{topic}", "disconnect".</summary>
        public readonly ArrayList Calls = new ArrayList();

        public bool IsConnected { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Like a link whose broker has not yet acknowledged this many messages.</summary>
        public int Pending { get; set; }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool TryConnect(MqttConnectOptions options)
        {
            ConnectCount++;
            ConnectThread = System.Threading.Thread.CurrentThread;
            LastOptions = options;
            Subscriptions.Clear(); // a new session: the node subscribes again
            Calls.Add("connect");
            if (!AcceptConnect)
            {
                LastError = "connection refused (fake)";
                return false;
            }

            IsConnected = true;
            foreach (PublishedMessage queued in SessionQueue)
            {
                _listener.OnMessage(queued.Topic, queued.Bytes, false, false);
            }

            SessionQueue.Clear();
            return true;
        }

        public bool Subscribe(string topicFilter, MqttQos qos)
        {
            Calls.Add("subscribe:" + topicFilter);
            if (DenySubscribeUnder != null && topicFilter.IndexOf(DenySubscribeUnder) == 0)
            {
                LastError = "subscription refused (fake ACL)";
                return false;
            }

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

            if (FailPublishUnder != null && topic.IndexOf(FailPublishUnder) == 0)
            {
                Calls.Add("failed publish:" + topic);
                LastError = "out of memory for a " + length + "-byte message";
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
            bool denied = DenyPublishUnder != null && topic.IndexOf(DenyPublishUnder) == 0;
            if (EchoSubscribed && !denied && IsSubscribed(topic))
            {
                _listener.OnMessage(topic, message.Bytes, false, false);
            }

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
            _listener.OnMessage(topic, payload, retained, false);
        }

        /// <summary>A client publishes to the node while it is away; the broker keeps it for the node's persistent session.</summary>
        public void QueueForSession(string topic, string payload)
        {
            PublishedMessage message = new PublishedMessage();
            message.Topic = topic;
            message.Payload = payload;
            message.Bytes = Utf8.GetBytes(payload);
            SessionQueue.Add(message);
        }

        /// <summary>The broker delivers a QoS 1 message again, DUP flag set (it did not see the node's PUBACK).</summary>
        public void Redeliver(string topic, string payload)
        {
            _listener.OnMessage(topic, Utf8.GetBytes(payload), false, true);
        }

        /// <summary>True when one of the node's subscriptions covers <paramref name="topic"/>.</summary>
        public bool IsSubscribed(string topic)
        {
            foreach (string filter in Subscriptions)
            {
                if (TopicFilter.Matches(filter, topic))
                {
                    return true;
                }
            }

            return false;
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
