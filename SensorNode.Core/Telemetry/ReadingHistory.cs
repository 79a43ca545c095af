using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Readings taken while the node was not online, oldest first, in one byte array made up front (the bytes of
    /// config key "history_bytes"): a ring of fixed-size records, so buffering a cycle allocates nothing. A record
    /// is its sequence number, uptime, UTC ticks (0: the time was not known) and one whole number per quantity slot,
    /// the value in units of its last published digit (<see cref="Missing"/>: no value). When the ring is full the
    /// oldest record makes room and is counted as dropped.
    /// </summary>
    public sealed class ReadingHistory
    {
        /// <summary>A slot without a value (not measured, failed, not finite or beyond an int).</summary>
        public const int Missing = int.MinValue;

        private const int HeaderBytes = 24; // sequence, uptime ms, UTC ticks: 8 bytes each, little-endian
        private readonly int _slots;
        private byte[] _ring;
        private int _capacity;
        private int _oldest;
        private int _count;
        private long _nextSequence = 1;
        private int _droppedUnreported;

        /// <param name="slots">Values per record (every quantity of every sensor).</param>
        /// <param name="bytes">Size of the ring; 0 keeps nothing.</param>
        public ReadingHistory(int slots, int bytes)
        {
            _slots = slots;
            RecordBytes = HeaderBytes + 4 * slots;
            Resize(bytes);
        }

        /// <summary>Bytes one record takes.</summary>
        public int RecordBytes { get; }

        /// <summary>The ring's size as configured.</summary>
        public int Bytes { get; private set; }

        /// <summary>How many records fit.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Records waiting to be published.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Records dropped since boot (oldest first, to make room).</summary>
        public long DroppedSinceBoot { get; private set; }

        /// <summary>
        /// Starts a record of a reading taken at <paramref name="uptimeMs"/> (<paramref name="utcTicks"/> 0: the time was
        /// not known) with every slot <see cref="Missing"/>; returns its index for <see cref="Put"/>, or -1 when the
        /// history is off. The oldest record is dropped when the ring is full.
        /// </summary>
        public int Begin(long uptimeMs, long utcTicks)
        {
            if (_capacity == 0)
            {
                return -1;
            }

            if (_count == _capacity)
            {
                _oldest = (_oldest + 1) % _capacity;
                _count--;
                DroppedSinceBoot++;
                _droppedUnreported++;
            }

            int record = (_oldest + _count) % _capacity;
            _count++;
            int at = record * RecordBytes;
            WriteLong(at, _nextSequence++);
            WriteLong(at + 8, uptimeMs);
            WriteLong(at + 16, utcTicks);
            for (int slot = 0; slot < _slots; slot++)
            {
                WriteInt(at + HeaderBytes + 4 * slot, Missing);
            }

            return record;
        }

        /// <summary>Sets slot <paramref name="slot"/> of record <paramref name="record"/> (from <see cref="Begin"/>).</summary>
        public void Put(int record, int slot, int units)
        {
            WriteInt(record * RecordBytes + HeaderBytes + 4 * slot, units);
        }

        /// <summary>The sequence number of the <paramref name="age"/>-th oldest record (0: the oldest).</summary>
        public long SequenceAt(int age)
        {
            return ReadLong(Offset(age));
        }

        public long UptimeAt(int age)
        {
            return ReadLong(Offset(age) + 8);
        }

        /// <summary>UTC ticks of the reading, 0 when the node did not know the time then.</summary>
        public long UtcTicksAt(int age)
        {
            return ReadLong(Offset(age) + 16);
        }

        public int ValueAt(int age, int slot)
        {
            return ReadInt(Offset(age) + HeaderBytes + 4 * slot);
        }

        /// <summary>Forgets the oldest record (it was handed to the link).</summary>
        public void RemoveOldest()
        {
            if (_count == 0)
            {
                return;
            }

            _oldest = (_oldest + 1) % _capacity;
            _count--;
        }

        /// <summary>Records dropped since the last call.</summary>
        public int TakeDroppedCount()
        {
            int dropped = _droppedUnreported;
            _droppedUnreported = 0;
            return dropped;
        }

        /// <summary>
        /// A new size (config key "history_bytes" changed): a new ring keeping the newest records that fit; the others
        /// count as dropped. Allocates: done only when the setting changes.
        /// </summary>
        public void Resize(int bytes)
        {
            byte[] old = _ring;
            int oldCapacity = _capacity;
            int oldOldest = _oldest;
            int oldCount = _count;

            Bytes = bytes;
            _capacity = bytes / RecordBytes;
            _ring = new byte[_capacity * RecordBytes];
            _oldest = 0;
            _count = 0;
            int keep = oldCount < _capacity ? oldCount : _capacity;
            int drop = oldCount - keep;
            for (int i = 0; i < keep; i++)
            {
                int from = ((oldOldest + drop + i) % oldCapacity) * RecordBytes;
                Array.Copy(old, from, _ring, i * RecordBytes, RecordBytes);
            }

            _count = keep;
            DroppedSinceBoot += drop;
            _droppedUnreported += drop;
        }

        private int Offset(int age)
        {
            if (age < 0 || age >= _count)
            {
                throw new ArgumentOutOfRangeException("age");
            }

            return ((_oldest + age) % _capacity) * RecordBytes;
        }

        private void WriteLong(int at, long value)
        {
            for (int i = 0; i < 8; i++)
            {
                _ring[at + i] = (byte)(value >> (8 * i));
            }
        }

        private long ReadLong(int at)
        {
            long value = 0;
            for (int i = 7; i >= 0; i--)
            {
                value = (value << 8) | _ring[at + i];
            }

            return value;
        }

        private void WriteInt(int at, int value)
        {
            for (int i = 0; i < 4; i++)
            {
                _ring[at + i] = (byte)(value >> (8 * i));
            }
        }

        private int ReadInt(int at)
        {
            return _ring[at] | (_ring[at + 1] << 8) | (_ring[at + 2] << 16) | (_ring[at + 3] << 24);
        }
    }
}
