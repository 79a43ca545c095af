using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// The actuators part: turns "{base}/actuator/{id}/set" messages into output changes and reports every
    /// resulting state, retained, on "{base}/actuator/{id}/state"; ends pulses; keeps the failsafes (an output's
    /// maximum on-time, its safe state after the broker was unreachable too long) and reports each as a "failsafe"
    /// event, at once when online, else after the reconnect; leaves outputs safe at stop.
    /// </summary>
    public sealed class ActuatorController : INodePart, IEntitySource
    {
        /// <summary>Commands are a few bytes; anything bigger is a mistake or abuse and is rejected unparsed.</summary>
        public const int MaxCommandBytes = 256;

        private readonly Actuator[] _actuators;
        private readonly IMqttLink _link;
        private readonly INodeConnection _connection;
        private readonly EventPublisher _events;
        private readonly ILog _log;
        private readonly IClock _clock;
        private readonly string[] _onLogLines;
        private readonly string[] _offLogLines;
        private readonly ActuatorCommand _command = new ActuatorCommand();
        private readonly PayloadBuilder _state = new PayloadBuilder(32);
        private readonly PayloadBuilder _value = new PayloadBuilder(12);
        private readonly EntityRegistry _registry;
        private readonly Entity[] _entities;
        private TopicScheme _topics;
        private InboundTopic[] _inbound;

        /// <summary>Per output: the outage (its OfflineSinceMs) whose failsafe already put it safe, or -1.</summary>
        private readonly long[] _safeForOutage;

        /// <summary>Per output and rule: uptime at which a failsafe acted and is not yet reported, or -1.</summary>
        private readonly long[] _maxOnUnreportedAt;
        private readonly long[] _offlineUnreportedAt;
        private readonly long[] _offlineUnreportedSince;

        /// <summary>Takes the node's outputs (<see cref="NodeContext.Outputs"/>), so it is made after they were added.</summary>
        public ActuatorController(NodeContext node)
            : this(node.Outputs, node.Link, node.Connection, node.Events, node.Clock, node.Log, node.Entities)
        {
        }

        private ActuatorController(ArrayList actuators, IMqttLink link, INodeConnection connection, EventPublisher events, IClock clock, ILog log, EntityRegistry registry)
        {
            _clock = clock;
            _registry = registry;
            _actuators = new Actuator[actuators.Count];
            actuators.CopyTo(_actuators, 0);
            _entities = new Entity[_actuators.Length];
            for (int i = 0; i < _actuators.Length; i++)
            {
                _entities[i] = Entity.ForOutput(_actuators[i].Id, _actuators[i].Kind);
            }

            _link = link;
            _connection = connection;
            _safeForOutage = new long[_actuators.Length];
            _maxOnUnreportedAt = new long[_actuators.Length];
            _offlineUnreportedAt = new long[_actuators.Length];
            _offlineUnreportedSince = new long[_actuators.Length];
            for (int i = 0; i < _actuators.Length; i++)
            {
                _safeForOutage[i] = -1;
                _maxOnUnreportedAt[i] = -1;
                _offlineUnreportedAt[i] = -1;
            }

            _events = events;
            _log = log;

            // Made once, so reporting a command in the log builds no string.
            _onLogLines = new string[_actuators.Length];
            _offLogLines = new string[_actuators.Length];
            for (int i = 0; i < _actuators.Length; i++)
            {
                _onLogLines[i] = _actuators[i].Id + " -> " + StateText(true);
                _offLogLines[i] = _actuators[i].Id + " -> " + StateText(false);
            }
        }

        public static string StateText(bool on)
        {
            return on ? "ON" : "OFF";
        }

        /// <summary>An output's state as JSON, in its kind's format: "ON" for a switch, {"state":"ON","level":40} for a dimmer, 90 for a servo.</summary>
        public static void AppendState(PayloadBuilder json, Actuator actuator)
        {
            actuator.Kind.AppendStateJson(json, actuator.Level);
        }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            _inbound = new InboundTopic[] { new InboundTopic(topics.ActuatorSetFilter, MaxCommandBytes, EventTypes.CommandRejected, "command") };
            for (int i = 0; i < _actuators.Length; i++)
            {
                // An output's topics are its entity's: the controller and every adapter use the same strings.
                _entities[i].CommandTopic = topics.ActuatorSet(_actuators[i].Id);
                _entities[i].StateTopic = topics.ActuatorState(_actuators[i].Id);
            }
        }

        /// <summary>A control per output, in the board's order.</summary>
        public void DeclareEntities(EntityRegistry entities)
        {
            for (int i = 0; i < _entities.Length; i++)
            {
                entities.Add(_entities[i]);
            }
        }

        /// <summary>The index of the actuator whose "/set" topic this is, or -1.</summary>
        private int IndexOfSetTopic(string topic)
        {
            for (int i = 0; i < _entities.Length; i++)
            {
                if (topic == _entities[i].CommandTopic)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A message on "{base}/actuator/+/set".</summary>
        [SteadyState]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            int index = IndexOfSetTopic(topic);
            if (index >= 0)
            {
                HandleCommand(index, topic, payload);
            }
            else
            {
                RejectUnknownActuator(topic);
            }
        }

        public void OnConnected(long nowMs)
        {
            PublishAllStates();
            ReportFailsafes();
        }

        public void Poll(long nowMs)
        {
            EndDuePulses(nowMs);
            KeepFailsafes(nowMs);
        }

        public long MsUntilWork(long nowMs)
        {
            long soonest = MsUntilNextPulseEnds(nowMs);
            for (int i = 0; i < _actuators.Length; i++)
            {
                soonest = Waits.Sooner(soonest, _actuators[i].MsUntilMaxOn(nowMs));
            }

            return Waits.Sooner(soonest, MsUntilOfflineSafe(nowMs));
        }

        public void OnStop()
        {
            GoSafe();
        }

        /// <summary>Handles a command for actuator <paramref name="index"/>.</summary>
        private void HandleCommand(int index, string topic, byte[] payload)
        {
            Actuator actuator = _actuators[index];
            string error = actuator.Kind.Parse(actuator.Id, payload, payload.Length, _command);
            if (error != null)
            {
                _events.Error(EventTypes.CommandRejected, topic, error);
                return;
            }

            // The clock read at the switch itself: a pulse holds its full length from the moment the output changes.
            actuator.Apply(_command, _clock.UptimeMs);
            if (_command.ForMs > 0)
            {
                LogPulse(index);
            }
            else
            {
                _log.Info(actuator.Kind.LogLine(actuator.Id, actuator.Level, _onLogLines[index], _offLogLines[index]));
            }

            PublishState(index);
        }

        /// <summary>A command on "{base}/actuator/{id}/set" for an id this node does not have.</summary>
        [ColdPath("a command to an unknown actuator is a mistake")]
        private void RejectUnknownActuator(string topic)
        {
            string id = _topics.ActuatorIdFromSetTopic(topic);
            _events.Error(EventTypes.CommandRejected, topic, "unknown actuator \"" + id + "\"" + KnownIds());
        }

        /// <summary>Ends pulses that are due and reports the changes.</summary>
        private void EndDuePulses(long nowMs)
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                if (_actuators[i].Poll(nowMs))
                {
                    ReportPulseEnded(i);
                }
            }
        }

        /// <summary>The maximum on-time of every output, and the safe state of those whose broker has been gone too long.</summary>
        private void KeepFailsafes(long nowMs)
        {
            long offlineSince = _connection.IsOnline ? -1 : _connection.OfflineSinceMs;
            for (int i = 0; i < _actuators.Length; i++)
            {
                Actuator actuator = _actuators[i];
                if (actuator.EnforceMaxOn(nowMs))
                {
                    MaxOnReached(i, nowMs);
                }

                if (offlineSince >= 0 && actuator.OfflineSafeAfterMs > 0 && _safeForOutage[i] != offlineSince
                    && nowMs - offlineSince >= actuator.OfflineSafeAfterMs)
                {
                    OfflineTooLong(i, nowMs, offlineSince);
                }
            }
        }

        /// <summary>Milliseconds until an output's offline failsafe is due, or -1.</summary>
        private long MsUntilOfflineSafe(long nowMs)
        {
            if (_connection.IsOnline)
            {
                return -1;
            }

            long offlineSince = _connection.OfflineSinceMs;
            long soonest = -1;
            for (int i = 0; i < _actuators.Length; i++)
            {
                long after = _actuators[i].OfflineSafeAfterMs;
                if (after > 0 && _safeForOutage[i] != offlineSince)
                {
                    soonest = Waits.Sooner(soonest, Waits.Until(offlineSince + after, nowMs));
                }
            }

            return soonest;
        }

        [ColdPath("a failsafe acts only when an output or the network misbehaves")]
        private void MaxOnReached(int index, long nowMs)
        {
            _log.Info(_actuators[index].Id + " -> OFF (maximum on-time of " + _actuators[index].MaxOnMs / 1000 + " s)");
            _maxOnUnreportedAt[index] = nowMs;
            if (_connection.IsOnline)
            {
                PublishState(index);
                ReportFailsafes();
            }
        }

        [ColdPath("a failsafe acts only when an output or the network misbehaves")]
        private void OfflineTooLong(int index, long nowMs, long offlineSince)
        {
            Actuator actuator = _actuators[index];
            _safeForOutage[index] = offlineSince;
            actuator.GoSafe();
            _offlineUnreportedAt[index] = nowMs;
            _offlineUnreportedSince[index] = offlineSince;
            _log.Info(actuator.Id + " -> safe state " + LevelText(actuator) + " (broker unreachable for " + (nowMs - offlineSince) / 1000 + " s)");
        }

        /// <summary>Every failsafe that acted and is not reported yet, as a "failsafe" event each; only while online.</summary>
        private void ReportFailsafes()
        {
            if (!_connection.IsOnline)
            {
                return;
            }

            for (int i = 0; i < _actuators.Length; i++)
            {
                if (_maxOnUnreportedAt[i] >= 0)
                {
                    ReportFailsafe(i, Failsafe.MaxOnRule, _maxOnUnreportedAt[i], "on for its maximum of " + _actuators[i].MaxOnMs / 1000 + " s: switched OFF");
                    _maxOnUnreportedAt[i] = -1;
                }

                if (_offlineUnreportedAt[i] >= 0)
                {
                    ReportFailsafe(i, Failsafe.OfflineRule, _offlineUnreportedAt[i], "broker unreachable for " + _actuators[i].OfflineSafeAfterMs / 1000
                        + " s (offline since uptime_ms " + _offlineUnreportedSince[i] + "): put in its safe state " + LevelText(_actuators[i]));
                    _offlineUnreportedAt[i] = -1;
                }
            }
        }

        /// <summary>
        /// {"type":"failsafe","topic":"{base}/actuator/pump/state","message":"pump max_on at 2026-11-24T08:31:15Z (uptime_ms 60000): …"}:
        /// which output, which rule, when (UTC when the node knows it, and its uptime always).
        /// </summary>
        [ColdPath("a failsafe acts only when an output or the network misbehaves")]
        private void ReportFailsafe(int index, string rule, long atMs, string what)
        {
            string when = "";
            System.DateTime utcNow;
            if (_clock.TryGetUtcNow(out utcNow))
            {
                PayloadBuilder time = new PayloadBuilder(24);
                time.AppendIso8601Utc(utcNow.AddTicks((atMs - _clock.UptimeMs) * System.TimeSpan.TicksPerMillisecond));
                when = time.ToString() + " ";
            }

            _events.Info(EventTypes.Failsafe, _entities[index].StateTopic, _actuators[index].Id + " " + rule + " at " + when + "(uptime_ms " + atMs + "): " + what);
        }

        private static string LevelText(Actuator actuator)
        {
            return actuator.Kind.ValueText(actuator.Level);
        }

        /// <summary>After every (re)connect: the broker's retained states must match the outputs.</summary>
        private void PublishAllStates()
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                PublishState(i);
            }
        }

        /// <summary>Before an orderly stop: every output to its safe state, reported while still connected.</summary>
        private void GoSafe()
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                _actuators[i].GoSafe();
                PublishState(i);
            }
        }

        /// <summary>Milliseconds until the next pulse ends, or -1 when none runs.</summary>
        private long MsUntilNextPulseEnds(long nowMs)
        {
            long soonest = -1;
            for (int i = 0; i < _actuators.Length; i++)
            {
                soonest = Waits.Sooner(soonest, _actuators[i].MsUntilPulseEnds(nowMs));
            }

            return soonest;
        }

        [ColdPath("pulses come from JSON commands, which are parsed on a cold path too")]
        private void ReportPulseEnded(int index)
        {
            Actuator actuator = _actuators[index];
            _log.Info(actuator.Id + " -> " + actuator.Kind.LogValue(actuator.Level) + " (pulse ended)");
            PublishState(index);
        }

        [ColdPath("pulses come from JSON commands, which are parsed on a cold path too")]
        private void LogPulse(int index)
        {
            Actuator actuator = _actuators[index];
            _log.Info(actuator.Id + " -> " + actuator.Kind.LogValue(actuator.Level) + " for " + _command.ForMs + " ms");
        }

        /// <summary>
        /// QoS 0: the state is retained and republished after every connect, so a lost echo heals at the next one; at
        /// QoS 1 the broker's PUBACK waited on Nagle plus delayed ACK and made back-to-back commands 43 ms slow.
        /// </summary>
        private void PublishState(int index)
        {
            if (!_connection.IsOnline)
            {
                return; // published again after the reconnect
            }

            Actuator actuator = _actuators[index];
            actuator.Kind.AppendStatePayload(_state.Clear(), actuator.Level);
            _link.Publish(_entities[index].StateTopic, _state.Buffer, _state.Length, MqttQos.AtMostOnce, true);
            if (_registry.HasListeners)
            {
                _value.Clear().AppendInteger(actuator.Level);
                _registry.Publish(_entities[index], _value.Buffer, _value.Length);
            }
        }

        private string KnownIds()
        {
            if (_actuators.Length == 0)
            {
                return " (this node has no actuators)";
            }

            string list = " (known: ";
            for (int i = 0; i < _actuators.Length; i++)
            {
                list += (i > 0 ? ", " : "") + _actuators[i].Id;
            }

            return list + ")";
        }
    }
}
