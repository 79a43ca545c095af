using System.Threading;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// Hands messages from the link's receive thread to the main loop, so all node state is touched by one
    /// thread. Bounded: when the main loop falls behind, the oldest messages are dropped and counted, and the
    /// node reports the count.
    /// </summary>
    public sealed class MessageInbox : IMqttLinkListener
    {
        public const int DefaultCapacity = 32;
        private static readonly byte[] NoBytes = new byte[0];
        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly string[] _topics;
        private readonly byte[][] _payloads;
        private readonly bool[] _retained;
        private readonly bool[] _duplicate;
        private int _head;
        private int _count;
        private int _dropped;
        private long _droppedSinceBoot;
        private bool _connectionLost;

        public MessageInbox(int capacity)
        {
            _topics = new string[capacity];
            _payloads = new byte[capacity][];
            _retained = new bool[capacity];
            _duplicate = new bool[capacity];
        }

        [SteadyState]
        public void OnMessage(string topic, byte[] payload, bool retained, bool duplicate)
        {
            lock (_sync)
            {
                if (_count == _topics.Length)
                {
                    _head = (_head + 1) % _topics.Length;
                    _count--;
                    _dropped++;
                    _droppedSinceBoot++;
                }

                int tail = (_head + _count) % _topics.Length;
                _topics[tail] = topic;
                _payloads[tail] = payload ?? NoBytes;
                _retained[tail] = retained;
                _duplicate[tail] = duplicate;
                _count++;
            }

            _wake.Set();
        }

        [ColdPath("the connection dropped")]
        public void OnConnectionLost()
        {
            lock (_sync)
            {
                _connectionLost = true;
            }

            _wake.Set();
        }

        /// <summary>Takes the oldest message; false when there is none.</summary>
        public bool TryTake(out string topic, out byte[] payload, out bool retained, out bool duplicate)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    topic = null;
                    payload = null;
                    retained = false;
                    duplicate = false;
                    return false;
                }

                topic = _topics[_head];
                payload = _payloads[_head];
                retained = _retained[_head];
                duplicate = _duplicate[_head];
                _topics[_head] = null;
                _payloads[_head] = null;
                _head = (_head + 1) % _topics.Length;
                _count--;
                return true;
            }
        }

        /// <summary>Messages waiting for the main loop.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        /// <summary>Messages dropped since boot (not reset by <see cref="TakeDroppedCount"/>).</summary>
        public long DroppedSinceBoot
        {
            get
            {
                lock (_sync)
                {
                    return _droppedSinceBoot;
                }
            }
        }

        /// <summary>True when messages were dropped since the last <see cref="TakeDroppedCount"/>.</summary>
        public bool HasDropped
        {
            get { return _dropped > 0; } // an int read is atomic; a late answer is seen at the next poll
        }

        /// <summary>How many messages were dropped since the last call.</summary>
        public int TakeDroppedCount()
        {
            lock (_sync)
            {
                int dropped = _dropped;
                _dropped = 0;
                return dropped;
            }
        }

        /// <summary>True once after the link reported a lost connection.</summary>
        public bool TakeConnectionLost()
        {
            lock (_sync)
            {
                bool lost = _connectionLost;
                _connectionLost = false;
                return lost;
            }
        }

        /// <summary>Wakes the main loop without a message (a connect attempt finished).</summary>
        public void Wake()
        {
            _wake.Set();
        }

        /// <summary>Blocks the main loop until a message arrives or the timeout passes.</summary>
        public void WaitForMessage(int timeoutMs)
        {
            _wake.WaitOne(timeoutMs, false);
        }
    }
}
