using System;
using System.Collections;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Sensors;
using SensorNode.Core.Text;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The telemetry part. Every interval (and right after each connect) one cycle: read every sensor, publish
    /// each valid quantity retained on its own topic, then one retained JSON snapshot on "{base}/state". Reads are
    /// two-phase: a sensor whose conversion runs answers <see cref="ReadOutcome.Pending"/>, the cycle stays open
    /// and the part asks for the main loop again when the soonest conversion is done (<see cref="MsUntilWork"/>),
    /// so commands are routed meanwhile; the cycle is published once every sensor has answered. While the
    /// node is not online the cycles go on and are kept by a <see cref="HistoryForwarder"/>, published on
    /// "{base}/history" after the reconnect. Topics and buffers are made when the topics change, so a cycle in
    /// steady state allocates nothing in the core.
    /// </summary>
    public sealed class TelemetryPublisher : INodePart, IEntitySource
    {
        private static readonly InboundTopic[] NoInbound = new InboundTopic[0];

        public const int MaxSnapshotBytes = 1536;

        /// <summary>
        /// How long a cycle waits for a sensor that keeps answering Pending (a chip that never ends its conversion):
        /// then it is that sensor's failure for the cycle, and the others' readings go out. Our drivers' longest
        /// conversion is the AHT20's 80 ms, retried up to 240 ms.
        /// </summary>
        public const int MaxPendingMs = 2000;
        private const int MaxValueBytes = 32;

        private readonly IMqttLink _link;
        private readonly INodeConnection _connection;
        private readonly HistoryForwarder _history;
        private readonly bool[] _fresh;
        private readonly bool[] _pending;
        private readonly IClock _clock;
        private readonly EventPublisher _events;
        private readonly ConfigController _config;
        private readonly ISensor[] _sensors;
        private readonly Actuator[] _actuators;
        private readonly double[][] _values;
        private readonly string[] _errors;
        private readonly bool[] _measured;
        private readonly long[] _readAtMs;
        private readonly ExceptionFilter[] _news;
        private bool _newsThisCycle;
        private readonly Entity[][] _readings;
        private readonly EntityRegistry _entities;
        private readonly string[] _availabilityTopics;
        private readonly bool[] _availabilityDue;
        private static readonly byte[] Available = Utf8.GetBytes("online");
        private static readonly byte[] Unavailable = Utf8.GetBytes("offline");
        private readonly PayloadBuilder _value = new PayloadBuilder(MaxValueBytes);
        private readonly PayloadBuilder _snapshot = new PayloadBuilder(MaxSnapshotBytes);
        private TopicScheme _topics;
        private long _nextCycleMs;
        private bool _cycleOpen;
        private long _cycleStartMs;
        private long _collectAtMs;

        /// <summary>Takes the node's sensors and outputs (<see cref="NodeContext.Sensors"/>), so it is made after they were added.</summary>
        public TelemetryPublisher(NodeContext node)
            : this(node.Link, node.Connection, node.Clock, node.Events, node.Config, node.Sensors, node.Outputs, node.Entities)
        {
        }

        private TelemetryPublisher(IMqttLink link, INodeConnection connection, IClock clock, EventPublisher events, ConfigController config, ArrayList sensors, ArrayList actuators, EntityRegistry entities)
        {
            _entities = entities;
            _link = link;
            _connection = connection;
            _clock = clock;
            _events = events;
            _config = config;
            _sensors = new ISensor[sensors.Count];
            _values = new double[sensors.Count][];
            _errors = new string[sensors.Count];
            _measured = new bool[sensors.Count];
            _readAtMs = new long[sensors.Count];
            _news = new ExceptionFilter[sensors.Count];
            _readings = new Entity[sensors.Count][];
            _availabilityTopics = new string[sensors.Count];
            _availabilityDue = new bool[sensors.Count];
            for (int i = 0; i < _sensors.Length; i++)
            {
                _sensors[i] = (ISensor)sensors[i];
                _values[i] = new double[_sensors[i].Quantities.Length];
                _news[i] = new ExceptionFilter(_sensors[i].Quantities.Length);
                _readings[i] = new Entity[_sensors[i].Quantities.Length];
                for (int q = 0; q < _readings[i].Length; q++)
                {
                    _readings[i][q] = Entity.ForReading(_sensors[i].Id, _sensors[i].Quantities[q]);
                }

                _readAtMs[i] = -1;
                _errors[i] = null; // written, not left as made: nanoCLR's unwritten string[] element is no real null
            }

            _actuators = new Actuator[actuators.Count];
            actuators.CopyTo(_actuators, 0);
            _fresh = new bool[_sensors.Length];
            _pending = new bool[_sensors.Length];
            _history = new HistoryForwarder(link, connection, clock, events, _sensors, config.Current.HistoryBytes);
        }

        /// <summary>The readings kept while offline and their forwarding.</summary>
        public HistoryForwarder History
        {
            get { return _history; }
        }

        /// <summary>The sensors read, in the order of the accessors below (for the web console).</summary>
        public ISensor[] Sensors
        {
            get { return _sensors; }
        }

        /// <summary>The last values of sensor <paramref name="s"/> (NaN: not measured), in its quantities' order; read, never written, by callers.</summary>
        public double[] LastValuesOf(int s)
        {
            return _values[s];
        }

        /// <summary>Uptime (ms) of sensor <paramref name="s"/>'s last measurement; -1 before the first.</summary>
        public long LastReadAtMs(int s)
        {
            return _readAtMs[s];
        }

        /// <summary>Why sensor <paramref name="s"/>'s last read failed; null when it did not.</summary>
        public string LastErrorOf(int s)
        {
            return _errors[s];
        }

        /// <summary>Cycles published since boot; the snapshot's "seq".</summary>
        public long Sequence { get; private set; }

        /// <summary>The last snapshot's bytes (valid until the next cycle).</summary>
        public PayloadBuilder LastSnapshot
        {
            get { return _snapshot; }
        }

        public InboundTopic[] Inbound
        {
            get { return NoInbound; }
        }

        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
        }

        /// <summary>Fresh readings right after every connect, every quantity published (a restarted broker lost them).</summary>
        public void OnConnected(long nowMs)
        {
            _nextCycleMs = nowMs;
            for (int s = 0; s < _sensors.Length; s++)
            {
                _news[s].Forget();
                _availabilityDue[s] = true; // retained, but a new prefix or a cleaned broker has none
            }

            // The backlog first: this connect's fresh cycle then leaves the retained topics with the newest values.
            _history.OnConnected(nowMs);
        }

        [SteadyState]
        public void Poll(long nowMs)
        {
            bool online = _connection.IsOnline;
            _history.UseSize(_config.Current.HistoryBytes);
            _history.Poll(nowMs);
            if (!_cycleOpen)
            {
                if (nowMs < _nextCycleMs || !(online || _history.IsOn))
                {
                    return;
                }

                OpenCycle(nowMs);
            }
            else if (nowMs < _collectAtMs)
            {
                return;
            }

            if (!CollectReadings(nowMs))
            {
                return; // conversions still run: the loop routes commands until _collectAtMs
            }

            _cycleOpen = false;
            if (_connection.IsOnline)
            {
                RunCycle(nowMs);
            }
            else if (_history.IsOn)
            {
                _history.Record(nowMs, _values, _fresh);
            }

            _nextCycleMs = _cycleStartMs + _config.Current.PublishIntervalSeconds * 1000L;
        }

        /// <summary>True while a cycle has started conversions it has not collected yet.</summary>
        public bool CycleOpen
        {
            get { return _cycleOpen; }
        }

        private void OpenCycle(long nowMs)
        {
            _cycleOpen = true;
            _cycleStartMs = nowMs;
            _newsThisCycle = false;
            for (int s = 0; s < _sensors.Length; s++)
            {
                _pending[s] = true;
                _fresh[s] = false;
            }
        }

        /// <summary>
        /// One step of every sensor still pending in the open cycle; true when all have answered, else
        /// <see cref="_collectAtMs"/> is when the soonest conversion is done.
        /// </summary>
        [SteadyState]
        private bool CollectReadings(long nowMs)
        {
            bool done = true;
            long soonest = long.MaxValue;
            bool overdue = nowMs - _cycleStartMs >= MaxPendingMs;
            for (int s = 0; s < _sensors.Length; s++)
            {
                if (!_pending[s])
                {
                    continue;
                }

                if (ReadSensor(s))
                {
                    _pending[s] = false;
                    continue;
                }

                if (overdue)
                {
                    GiveUp(s);
                    _pending[s] = false;
                    continue;
                }

                done = false;
                int wait = _sensors[s].MsUntilReady;
                long at = nowMs + (wait > 0 ? wait : 1);
                if (at < soonest)
                {
                    soonest = at;
                }
            }

            _collectAtMs = soonest;
            return done;
        }

        public long MsUntilWork(long nowMs)
        {
            long history = _history.MsUntilWork(nowMs);
            if (!_cycleOpen && !_connection.IsOnline && !_history.IsOn)
            {
                return history;
            }

            long cycle = Waits.Until(_cycleOpen ? _collectAtMs : _nextCycleMs, nowMs);
            return Waits.Sooner(cycle, history);
        }

        public void OnStop()
        {
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            _history.UseTopics(topics);
            for (int s = 0; s < _sensors.Length; s++)
            {
                // A reading's topics are its entity's: the publisher and every adapter use the same strings.
                Quantity[] quantities = _sensors[s].Quantities;
                _availabilityTopics[s] = topics.SensorAvailability(_sensors[s].Id);
                for (int q = 0; q < quantities.Length; q++)
                {
                    _readings[s][q].StateTopic = topics.SensorReading(_sensors[s].Id, quantities[q].Name);
                    _readings[s][q].AvailabilityTopic = _availabilityTopics[s];
                }
            }
        }

        /// <summary>A reading per quantity of every sensor, sensor by sensor.</summary>
        public void DeclareEntities(EntityRegistry entities)
        {
            for (int s = 0; s < _readings.Length; s++)
            {
                for (int q = 0; q < _readings[s].Length; q++)
                {
                    entities.Add(_readings[s][q]);
                }
            }
        }

        /// <summary>
        /// Publishes what the cycle's reads brought that is news: a quantity whose value moved by its deadband since it
        /// was last published, or whose heartbeat is due; then the snapshot as the config says. True when every
        /// publish was handed to the link.
        /// </summary>
        [SteadyState]
        private bool RunCycle(long nowMs)
        {
            NodeConfig config = _config.Current;
            bool allSent = true;
            for (int s = 0; s < _sensors.Length; s++)
            {
                if (_availabilityDue[s])
                {
                    allSent &= PublishAvailability(s);
                }

                if (_fresh[s])
                {
                    allSent &= PublishReadings(s, config, nowMs);
                }
            }

            Sequence++;
            if (config.Snapshot == SnapshotMode.Off || (config.Snapshot == SnapshotMode.OnChange && !_newsThisCycle))
            {
                return allSent;
            }

            BuildSnapshot();
            if (_snapshot.Overflowed)
            {
                return ReportSnapshotTooLarge();
            }

            return _link.Publish(_topics.State, _snapshot.Buffer, _snapshot.Length, MqttQos.AtMostOnce, true) && allSent;
        }

        /// <summary>
        /// "offline" while the sensor fails, "online" while it reads, retained at QoS 1: Home Assistant shows its
        /// entities unavailable (availability_mode all, with the node's status) instead of the last value as live.
        /// </summary>
        private bool PublishAvailability(int s)
        {
            byte[] payload = _errors[s] == null ? Available : Unavailable;
            bool sent = _link.Publish(_availabilityTopics[s], payload, payload.Length, MqttQos.AtLeastOnce, true);
            _availabilityDue[s] = !sent;
            return sent;
        }

        /// <summary>
        /// One read of sensor <paramref name="s"/>: false while its conversion runs (<see cref="ReadOutcome.Pending"/>),
        /// else true, with <see cref="_fresh"/> saying whether it brought values to publish.
        /// </summary>
        private bool ReadSensor(int s)
        {
            ISensor sensor = _sensors[s];
            ReadOutcome outcome;
            string error;
            try
            {
                outcome = sensor.Read(_values[s]);
                error = outcome == ReadOutcome.Failed ? (sensor.LastError ?? "read failed") : null;
            }
            catch (Exception ex)
            {
                // The contract says sensors do not throw; a broken one must still not stop the loop.
                outcome = ReadOutcome.Failed;
                error = "read threw " + ex.GetType().Name + ": " + ex.Message;
            }

            if (outcome == ReadOutcome.Pending)
            {
                return false; // collected on a later poll
            }

            Settle(s, outcome, error);
            return true;
        }

        [ColdPath("a chip that never ends its conversion")]
        private void GiveUp(int s)
        {
            // The same text every cycle: a sensor that stays stuck is one sensor_error, not one a cycle.
            Settle(s, ReadOutcome.Failed, "no reading within " + MaxPendingMs + " ms: the chip never ended its conversion");
        }

        /// <summary>What a sensor's answer for this cycle means: fresh values, or its health changed.</summary>
        [SteadyState]
        private void Settle(int s, ReadOutcome outcome, string error)
        {
            ISensor sensor = _sensors[s];
            _fresh[s] = outcome == ReadOutcome.Measured;
            if (outcome == ReadOutcome.NotReady)
            {
                return; // nothing new: the last values and the last health stand
            }

            _measured[s] |= outcome == ReadOutcome.Measured;
            if (outcome == ReadOutcome.Measured)
            {
                _readAtMs[s] = _clock.UptimeMs;
            }

            string previous = _errors[s];
            _errors[s] = error;
            // Null tested by reference first: the steady state (no error before or now) makes no string comparison.
            if (error == null ? previous != null : error != previous)
            {
                ReportChange(sensor, error, previous);
                _availabilityDue[s] = true;
                _newsThisCycle = true;
                _news[s].Forget(); // back from a failure: every quantity goes out at once
            }
        }

        [ColdPath("a sensor's health changed")]
        private void ReportChange(ISensor sensor, string error, string previous)
        {
            if (error != null)
            {
                _events.Error(EventTypes.SensorError, _topics.Base + "/sensor/" + sensor.Id, error);
            }
            else
            {
                _events.Info(EventTypes.SensorRecovered, _topics.Base + "/sensor/" + sensor.Id, "reading again after: " + previous);
            }
        }

        [ColdPath("only a misconfigured node's snapshot outgrows its buffer")]
        private bool ReportSnapshotTooLarge()
        {
            _events.Error(EventTypes.SensorError, _topics.State, "state snapshot exceeds " + MaxSnapshotBytes + " bytes; not published");
            return false;
        }

        /// <summary>Publishes the quantities of sensor <paramref name="s"/> that are news (report by exception).</summary>
        private bool PublishReadings(int s, NodeConfig config, long nowMs)
        {
            bool allSent = true;
            Quantity[] quantities = _sensors[s].Quantities;
            double[] values = _values[s];
            ExceptionFilter news = _news[s];
            long heartbeatMs = config.HeartbeatSeconds * 1000L;
            for (int q = 0; q < quantities.Length; q++)
            {
                double value = values[q];
                if (!PayloadBuilder.IsFinite(value)
                    || !news.IsDue(q, value, config.DeadbandOf(quantities[q]), quantities[q].Resolution, nowMs, heartbeatMs))
                {
                    continue;
                }

                _value.Clear().AppendFixed(value, quantities[q].Decimals);
                if (!_link.Publish(_readings[s][q].StateTopic, _value.Buffer, _value.Length, MqttQos.AtMostOnce, true))
                {
                    // Not counted as published (a full heap on a device, a link gone): it is news again next cycle.
                    allSent = false;
                    continue;
                }

                _entities.Publish(_readings[s][q], _value.Buffer, _value.Length);
                news.Published(q, PayloadBuilder.RoundFixed(value, quantities[q].Decimals), nowMs);
                _newsThisCycle = true;
            }

            return allSent;
        }

        private void BuildSnapshot()
        {
            _snapshot.Clear().Append('{').AppendJsonKey("seq").AppendInteger(Sequence);
            DateTime utcNow;
            if (_clock.TryGetUtcNow(out utcNow))
            {
                _snapshot.Append(',').AppendJsonKey("time").Append('"').AppendIso8601Utc(utcNow).Append('"');
            }

            _snapshot.Append(',').AppendJsonKey("uptime_ms").AppendInteger(_clock.UptimeMs);
            _snapshot.Append(',').AppendJsonKey("sensors").Append('{');
            for (int s = 0; s < _sensors.Length; s++)
            {
                if (s > 0)
                {
                    _snapshot.Append(',');
                }

                _snapshot.AppendJsonKey(_sensors[s].Id).Append('{');
                if (_errors[s] != null)
                {
                    _snapshot.AppendJsonKey("error").AppendJsonString(_errors[s]);
                }
                else if (_measured[s])
                {
                    AppendReadings(s); // the last fresh values, also while the chip has nothing new
                }

                _snapshot.Append('}');
            }

            _snapshot.Append('}').Append(',').AppendJsonKey("actuators").Append('{');
            for (int a = 0; a < _actuators.Length; a++)
            {
                if (a > 0)
                {
                    _snapshot.Append(',');
                }

                ActuatorController.AppendState(_snapshot.AppendJsonKey(_actuators[a].Id), _actuators[a]);
            }

            _snapshot.Append('}').Append('}');
        }

        private void AppendReadings(int s)
        {
            Quantity[] quantities = _sensors[s].Quantities;
            double[] values = _values[s];
            for (int q = 0; q < quantities.Length; q++)
            {
                if (q > 0)
                {
                    _snapshot.Append(',');
                }

                _snapshot.AppendJsonKey(quantities[q].Name);
                if (PayloadBuilder.IsFinite(values[q]))
                {
                    _snapshot.AppendFixed(values[q], quantities[q].Decimals);
                }
                else
                {
                    _snapshot.Append("null");
                }
            }
        }
    }
}
