using System;
using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Entities;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Text;

namespace SensorNode.Core.Diagnostics
{
    /// <summary>
    /// The diagnostics part: after every connect and every "diag_interval_s" one retained JSON on "{base}/diag"
    /// with the firmware, uptime, boot time (when the board knows the time), boot count, what the board knows of its health (reset reason, Wi-Fi RSSI and IP,
    /// free heap, largest free block: null when it does not know), the connection (connects since boot, the last
    /// connect error), the inbox (messages dropped since boot, messages waiting) and the config version.
    /// Formatted into a buffer made once.
    /// </summary>
    public sealed class DiagnosticsPart : INodePart, IEntitySource
    {
        public const int MaxPayloadBytes = 768;
        private const string FirmwareText = Firmware.Name + " " + Firmware.Version;
        private static readonly InboundTopic[] NoInbound = new InboundTopic[0];

        private readonly IMqttLink _link;
        private readonly IClock _clock;
        private readonly ConfigController _config;
        private readonly IBoardHealth _health;
        private readonly ConnectionSupervisor _session;
        private readonly MessageInbox _inbox;
        private readonly long _boots;
        private readonly BootTime _bootTime;
        private readonly PayloadBuilder _payload = new PayloadBuilder(MaxPayloadBytes);
        private readonly ArrayList _entities = new ArrayList();
        private TopicScheme _topics;
        private ReadingHistory _history;
        private bool _reportDue;
        private long _lastReportMs;

        /// <param name="telemetry">Whose readings kept offline it reports ("history"); null for a node without telemetry.</param>
        public DiagnosticsPart(NodeContext node, TelemetryPublisher telemetry)
            : this(node.Link, node.Clock, node.Config, node.Health, node.Session, node.Inbox, node.Boots)
        {
            _history = telemetry == null ? null : telemetry.History.History;
        }

        private DiagnosticsPart(IMqttLink link, IClock clock, ConfigController config, IBoardHealth health, ConnectionSupervisor session, MessageInbox inbox, long boots)
        {
            _link = link;
            _clock = clock;
            _config = config;
            _health = health;
            _session = session;
            _inbox = inbox;
            _boots = boots;
            _bootTime = new BootTime(clock);
        }

        /// <summary>The last report's JSON (valid until the next).</summary>
        public PayloadBuilder LastPayload
        {
            get { return _payload; }
        }

        public InboundTopic[] Inbound
        {
            get { return NoInbound; }
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            for (int i = 0; i < _entities.Count; i++)
            {
                ((Entity)_entities[i]).StateTopic = topics.Diag;
            }
        }

        /// <summary>
        /// The figures of "{base}/diag" people watch: the last boot (a timestamp, which stays true between reports,
        /// where an uptime is stale at once) and connects always; RSSI and free heap only when the board reports them
        /// (a figure with a unit must get numbers, and a board that cannot tell would only ever send null).
        /// </summary>
        public void DeclareEntities(EntityRegistry entities)
        {
            Declare(entities, Entity.ForDiagnostic("last_boot", new DiagnosticField("last boot", "last_boot", "timestamp", null, null)));
            Declare(entities, Entity.ForDiagnostic("connects", new DiagnosticField("connects since boot", "connects", null, null, "total_increasing")));
            int rssi;
            if (_health.TryGetRssi(out rssi))
            {
                Declare(entities, Entity.ForDiagnostic("rssi", new DiagnosticField("Wi-Fi RSSI", "rssi_dbm", "signal_strength", "dBm", "measurement")));
            }

            if (_health.FreeHeapBytes >= 0)
            {
                Declare(entities, Entity.ForDiagnostic("free_heap", new DiagnosticField("free heap", "free_heap", "data_size", "B", "measurement")));
            }
        }

        private void Declare(EntityRegistry entities, Entity entity)
        {
            entity.StateTopic = _topics == null ? null : _topics.Diag;
            _entities.Add(entity);
            entities.Add(entity);
        }

        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
        }

        /// <summary>A report right after every connect (at this turn's <see cref="Poll"/>).</summary>
        public void OnConnected(long nowMs)
        {
            _reportDue = true;
        }

        /// <summary>Reports when due: after a connect, then diag_interval_s after the last report (a new interval counts at once).</summary>
        [SteadyState]
        public void Poll(long nowMs)
        {
            if (_link.IsConnected && MsUntilWork(nowMs) == 0)
            {
                _reportDue = false;
                _lastReportMs = nowMs;
                Report();
            }
        }

        public long MsUntilWork(long nowMs)
        {
            if (!_link.IsConnected)
            {
                return -1;
            }

            if (_reportDue)
            {
                return 0;
            }

            return Waits.Until(_lastReportMs + _config.Current.DiagIntervalSeconds * 1000L, nowMs);
        }

        public void OnStop()
        {
        }

        /// <summary>Builds and publishes one report; false when it was not handed to the link.</summary>
        [ColdPath("once per diag_interval_s (300 s by default) and per connect; asks the board, which may allocate")]
        public bool Report()
        {
            Build();
            return !_payload.Overflowed
                && _link.Publish(_topics.Diag, _payload.Buffer, _payload.Length, MqttQos.AtLeastOnce, true);
        }

        private void Build()
        {
            PayloadBuilder json = _payload.Clear();
            json.Append('{').AppendJsonKey("firmware").AppendJsonString(FirmwareText)
                .Append(',').AppendJsonKey("uptime_s").AppendInteger(_clock.UptimeMs / 1000)
                .Append(',').AppendJsonKey("last_boot");
            DateTime boot;
            if (_bootTime.TryGet(out boot))
            {
                json.Append('"').AppendIso8601Utc(boot).Append('"');
            }
            else
            {
                json.Append("null");
            }

            json.Append(',').AppendJsonKey("boots").AppendInteger(_boots);
            AppendText(json, "reset_reason", _health.ResetReason);
            int rssi;
            json.Append(',').AppendJsonKey("rssi_dbm");
            if (_health.TryGetRssi(out rssi))
            {
                json.AppendInteger(rssi);
            }
            else
            {
                json.Append("null");
            }

            AppendText(json, "ip", _health.IpAddress);
            AppendBytes(json, "free_heap", _health.FreeHeapBytes);
            AppendBytes(json, "largest_block", _health.LargestFreeBlockBytes);
            json.Append(',').AppendJsonKey("connects").AppendInteger(_session.Connects);
            AppendText(json, "last_connect_error", _session.LastConnectError);
            json.Append(',').AppendJsonKey("probes_ignored").AppendInteger(_session.ProbesIgnored);
            json.Append(',').AppendJsonKey("dropped").AppendInteger(_inbox.DroppedSinceBoot)
                .Append(',').AppendJsonKey("inbox").AppendInteger(_inbox.Count)
                .Append(',').AppendJsonKey("config_version").AppendInteger(_config.Current.ConfigVersion);
            if (_history != null)
            {
                json.Append(',').AppendJsonKey("history").AppendInteger(_history.Count)
                    .Append(',').AppendJsonKey("history_dropped").AppendInteger(_history.DroppedSinceBoot);
            }

            json.Append('}');
        }

        /// <summary>A string, or null when unknown.</summary>
        private static void AppendText(PayloadBuilder json, string key, string value)
        {
            json.Append(',').AppendJsonKey(key).AppendJsonStringOrNull(value);
        }

        /// <summary>A byte count, or null when the board says -1 (unknown).</summary>
        private static void AppendBytes(PayloadBuilder json, string key, long value)
        {
            json.Append(',').AppendJsonKey(key);
            if (value < 0)
            {
                json.Append("null");
            }
            else
            {
                json.AppendInteger(value);
            }
        }
    }
}
