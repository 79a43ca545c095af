using System.Collections;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A part that takes messages on "{base}/fake/+/set" (at most 16 bytes) and records what the node asks of it.</summary>
    public sealed class FakePart : INodePart
    {
        public const int MaxBytes = 16;
        public readonly ArrayList Calls = new ArrayList();
        public readonly ArrayList Messages = new ArrayList();
        public long WorkDueAtMs = -1;
        private InboundTopic[] _inbound;

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        public void UseTopics(TopicScheme topics)
        {
            Calls.Add("topics:" + topics.Base);
            _inbound = new InboundTopic[] { new InboundTopic(topics.Base + "/fake/+/set", MaxBytes, "fake_rejected", "fake command") };
        }

        /// <summary>Set: the next message finds the heap full, as an ESP32's can be (OutOfMemoryException).</summary>
        public bool OutOfMemory;

        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            if (OutOfMemory)
            {
                OutOfMemory = false;
                throw new System.OutOfMemoryException();
            }

            Messages.Add(topic + " " + SensorNode.Core.Text.Utf8.GetString(payload, 0, payload.Length));
        }

        public void OnConnected(long nowMs)
        {
            Calls.Add("connected");
        }

        /// <summary>Set: the next turn's work finds the heap full.</summary>
        public bool OutOfMemoryInPoll;

        public void Poll(long nowMs)
        {
            if (OutOfMemoryInPoll)
            {
                OutOfMemoryInPoll = false;
                throw new System.OutOfMemoryException();
            }

            if (WorkDueAtMs >= 0 && nowMs >= WorkDueAtMs)
            {
                Calls.Add("work@" + nowMs);
                WorkDueAtMs = -1;
            }
        }

        public long MsUntilWork(long nowMs)
        {
            return WorkDueAtMs < 0 ? -1 : (WorkDueAtMs > nowMs ? WorkDueAtMs - nowMs : 0);
        }

        public void OnStop()
        {
            Calls.Add("stop");
        }
    }
}
