using System;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// Exact-length arrays for a link whose client sends whole arrays and keeps them queued until its own thread
    /// sends them (M2Mqtt): the core formats into reusable buffers longer than the payload. One array is kept per
    /// topic and length, and reused. That is safe only for retained messages: each one supersedes the last on its
    /// topic, so if the client still holds the array when it is filled again, it sends the newer value of the same
    /// topic, which is what the broker keeps anyway. Non-retained messages (events) need a copy each. A payload
    /// longer than the kept limit (the Home Assistant announcement, 3–6 KB once per connect) gets an array of its own
    /// each time, left to the collector once sent: kept, it would hold that much of a small heap between connects.
    /// </summary>
    public sealed class RetainedPayloadArrays
    {
        private readonly string[] _topics;
        private readonly byte[][] _arrays;
        private readonly int _maxKeptLength;
        private int _next;

        /// <param name="capacity">Arrays kept; when full, the oldest is dropped (the client may still hold it).</param>
        public RetainedPayloadArrays(int capacity)
            : this(capacity, int.MaxValue)
        {
        }

        /// <param name="capacity">Arrays kept; when full, the oldest is dropped (the client may still hold it).</param>
        /// <param name="maxKeptLength">Longest payload whose array is kept for reuse.</param>
        public RetainedPayloadArrays(int capacity, int maxKeptLength)
        {
            _maxKeptLength = maxKeptLength;
            _topics = new string[capacity];
            _arrays = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                _topics[i] = null; // written before read: nanoCLR's unwritten string[] element is no real null
                _arrays[i] = null;
            }
        }

        /// <summary>The first <paramref name="length"/> bytes of <paramref name="payload"/> in this topic's array of that length.</summary>
        [SteadyState]
        public byte[] CopyOf(string topic, byte[] payload, int length)
        {
            if (length > _maxKeptLength)
            {
                return Unkept(payload, length);
            }

            byte[] array = Find(topic, length);
            if (array == null)
            {
                array = Add(topic, length);
            }

            Array.Copy(payload, array, length);
            return array;
        }

        private byte[] Find(string topic, int length)
        {
            for (int i = 0; i < _arrays.Length; i++)
            {
                byte[] array = _arrays[i];
                if (array != null && array.Length == length && (object)_topics[i] == (object)topic)
                {
                    return array;
                }
            }

            // The core passes the same topic string each time; a topic built afresh is matched by value.
            for (int i = 0; i < _arrays.Length; i++)
            {
                byte[] array = _arrays[i];
                if (array != null && array.Length == length && _topics[i] == topic)
                {
                    return array;
                }
            }

            return null;
        }

        [ColdPath("a payload too long to keep, sent once per connect")]
        private static byte[] Unkept(byte[] payload, int length)
        {
            byte[] array = new byte[length];
            Array.Copy(payload, array, length);
            return array;
        }

        [ColdPath("a new topic, or a payload of a length not seen on it")]
        private byte[] Add(string topic, int length)
        {
            byte[] array = new byte[length];
            _topics[_next] = topic;
            _arrays[_next] = array;
            _next = (_next + 1) % _arrays.Length;
            return array;
        }
    }
}
