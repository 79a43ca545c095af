using System;
using SensorNode.Core.Board;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Store-and-forward of readings: keeps the cycles read while the node is not online in a
    /// <see cref="ReadingHistory"/> and, once it is online again, publishes them oldest first on "{base}/history"
    /// (QoS 1, never retained), a few per poll so the main loop never waits on a long outage's backlog; reports the
    /// readings the full buffer dropped as a "history_dropped" event.
    /// </summary>
    public sealed class HistoryForwarder
    {
        /// <summary>Records handed to the link per poll: a backlog of hundreds must not hold commands up.</summary>
        public const int BatchSize = 8;

        /// <summary>Pause between batches, so the link's sender (M2Mqtt's thread on the device) can drain its queue.</summary>
        public const int BatchPauseMs = 10;

        /// <summary>
        /// The backlog waits while the link holds this many unacknowledged messages: without it a 30 s outage's
        /// backlog went into M2Mqtt's queue at once and ran a 110 KB heap out of memory (the virtual ESP32).
        /// </summary>
        public const int MaxPending = 4;

        public const int MaxPayloadBytes = 1024;

        private readonly IMqttLink _link;
        private readonly INodeConnection _connection;
        private readonly IClock _clock;
        private readonly EventPublisher _events;
        private readonly ISensor[] _sensors;
        private readonly int[] _firstSlot;
        private readonly ReadingHistory _history;
        private readonly PayloadBuilder _payload = new PayloadBuilder(MaxPayloadBytes);
        private string _topic;
        private long _nextBatchMs;

        public HistoryForwarder(IMqttLink link, INodeConnection connection, IClock clock, EventPublisher events, ISensor[] sensors, int bytes)
        {
            _link = link;
            _connection = connection;
            _clock = clock;
            _events = events;
            _sensors = sensors;
            _firstSlot = new int[sensors.Length];
            int slots = 0;
            for (int s = 0; s < sensors.Length; s++)
            {
                _firstSlot[s] = slots;
                slots += sensors[s].Quantities.Length;
            }

            _history = new ReadingHistory(slots, bytes);
        }

        public ReadingHistory History
        {
            get { return _history; }
        }

        /// <summary>True when offline readings are kept ("history_bytes" above 0 and room for one record).</summary>
        public bool IsOn
        {
            get { return _history.Capacity > 0; }
        }

        public void UseTopics(TopicScheme topics)
        {
            _topic = topics.History;
        }

        /// <summary>"history_bytes" as configured now; a change makes a new ring (the newest records kept).</summary>
        public void UseSize(int bytes)
        {
            if (bytes != _history.Bytes)
            {
                Resize(bytes);
            }
        }

        [ColdPath("only a config change resizes the history")]
        private void Resize(int bytes)
        {
            _history.Resize(bytes);
        }

        /// <summary>
        /// Keeps one cycle read at <paramref name="nowMs"/> while offline: every quantity of every sensor with
        /// <paramref name="fresh"/> set, as published (rounded to its decimals).
        /// </summary>
        [SteadyState]
        public void Record(long nowMs, double[][] values, bool[] fresh)
        {
            DateTime utcNow;
            long utcTicks = _clock.TryGetUtcNow(out utcNow) ? utcNow.Ticks : 0;
            int record = _history.Begin(nowMs, utcTicks);
            if (record < 0)
            {
                return;
            }

            for (int s = 0; s < _sensors.Length; s++)
            {
                if (!fresh[s])
                {
                    continue;
                }

                Quantity[] quantities = _sensors[s].Quantities;
                for (int q = 0; q < quantities.Length; q++)
                {
                    _history.Put(record, _firstSlot[s] + q, PayloadBuilder.UnitsOrNone(values[s][q], quantities[q].Decimals, ReadingHistory.Missing));
                }
            }
        }

        /// <summary>After every connect, once online: say what was dropped, then start the flush.</summary>
        public void OnConnected(long nowMs)
        {
            _nextBatchMs = nowMs;
            ReportDropped();
            Poll(nowMs);
        }

        /// <summary>Publishes the next batch of the backlog when online and its time has come.</summary>
        public void Poll(long nowMs)
        {
            if (_history.Count == 0 || nowMs < _nextBatchMs || !_connection.IsOnline)
            {
                return;
            }

            PublishBatch(nowMs);
        }

        /// <summary>Milliseconds until the next batch, or -1 when there is none to publish (or the node is offline).</summary>
        public long MsUntilWork(long nowMs)
        {
            if (_history.Count == 0 || !_connection.IsOnline)
            {
                return -1;
            }

            return Waits.Until(_nextBatchMs, nowMs);
        }

        [ColdPath("a backlog exists only after an outage")]
        private void PublishBatch(long nowMs)
        {
            for (int i = 0; i < BatchSize && _history.Count > 0 && _link.Pending < MaxPending; i++)
            {
                BuildPayload();
                if (_payload.Overflowed)
                {
                    ReportTooLarge(_history.SequenceAt(0));
                    _history.RemoveOldest();
                    continue;
                }

                if (!_link.Publish(_topic, _payload.Buffer, _payload.Length, MqttQos.AtLeastOnce, false))
                {
                    return; // kept: the connection went; the next connect goes on from this record
                }

                _history.RemoveOldest();
            }

            _nextBatchMs = nowMs + BatchPauseMs;
            ReportDropped(); // a resize while online may have dropped some
        }

        /// <summary>The oldest record as JSON: seq, time (when known), uptime_ms and each sensor's values.</summary>
        private void BuildPayload()
        {
            long uptimeMs = _history.UptimeAt(0);
            _payload.Clear().Append('{').AppendJsonKey("seq").AppendInteger(_history.SequenceAt(0));
            long ticks = _history.UtcTicksAt(0);
            DateTime utcNow;
            if (ticks == 0 && _clock.TryGetUtcNow(out utcNow))
            {
                // Unknown when read, known now: the uptime between the two is exact, whatever happened to the wall clock.
                ticks = utcNow.Ticks - (_clock.UptimeMs - uptimeMs) * TimeSpan.TicksPerMillisecond;
            }

            if (ticks > 0)
            {
                _payload.Append(',').AppendJsonKey("time").Append('"').AppendIso8601Utc(new DateTime(ticks)).Append('"');
            }

            _payload.Append(',').AppendJsonKey("uptime_ms").AppendInteger(uptimeMs);
            _payload.Append(',').AppendJsonKey("sensors").Append('{');
            bool firstSensor = true;
            for (int s = 0; s < _sensors.Length; s++)
            {
                Quantity[] quantities = _sensors[s].Quantities;
                bool firstValue = true;
                for (int q = 0; q < quantities.Length; q++)
                {
                    int units = _history.ValueAt(0, _firstSlot[s] + q);
                    if (units == ReadingHistory.Missing)
                    {
                        continue;
                    }

                    if (firstValue)
                    {
                        _payload.Append(firstSensor ? "" : ",").AppendJsonKey(_sensors[s].Id).Append('{');
                        firstSensor = false;
                        firstValue = false;
                    }
                    else
                    {
                        _payload.Append(',');
                    }

                    _payload.AppendJsonKey(quantities[q].Name).AppendUnits(units, quantities[q].Decimals);
                }

                if (!firstValue)
                {
                    _payload.Append('}');
                }
            }

            _payload.Append('}').Append('}');
        }

        [ColdPath("only a board with very many sensors outgrows the payload")]
        private void ReportTooLarge(long sequence)
        {
            _events.Error(EventTypes.HistoryDropped, _topic, "reading " + sequence + " exceeds " + MaxPayloadBytes + " bytes as JSON; dropped");
        }

        private void ReportDropped()
        {
            int dropped = _history.TakeDroppedCount();
            if (dropped > 0)
            {
                ReportDropped(dropped);
            }
        }

        [ColdPath("only a long outage fills the history")]
        private void ReportDropped(int dropped)
        {
            _events.Error(EventTypes.HistoryDropped, _topic, dropped + " reading(s) taken while offline dropped, oldest first: the history of "
                + _history.Bytes + " bytes holds " + _history.Capacity + " (history_bytes)");
        }
    }
}
