using System;
using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Discovery
{
    /// <summary>
    /// The Home Assistant adapter: announces the node as one device (MQTT device discovery, retained, in pieces: one
    /// message per group of entities, see <see cref="PieceTopic"/>) with one component per entity the node's parts declared
    /// (<see cref="EntityRegistry"/>): a sensor per reading, its output kind's component per control (switch, light,
    /// number), a button per button, a diagnostic sensor per field of "{base}/diag" — all on SensorNode's own topics,
    /// available while "{base}/status" is "online". Sent after every connect and again a few seconds (random, so a
    /// fleet does not answer at once) after Home Assistant says "online" on "{discovery_prefix}/status". With discovery
    /// off it removes the device instead. A component the previous boot announced and this one has not (a sensor gone
    /// from the bus, an output taken out of the board profile) is removed from Home Assistant: it stays in every
    /// announcement of this boot with only its platform, Home Assistant's documented way to remove one component.
    /// </summary>
    public sealed class HomeAssistantDiscovery : INodePart
    {
        public const int MaxPayloadBytes = 8192;
        public const int MinResendDelayMs = 1000;
        public const int MaxResendDelayMs = 5000;

        /// <summary>
        /// An announcement that did not go out (no room on the heap for it, or the link refused it) is tried again after
        /// this, then after twice as long each time, up to <see cref="MaxRetryDelayMs"/>: on a device the heap often has
        /// the room a little later, after the collector has joined free blocks.
        /// </summary>
        public const int FirstRetryDelayMs = 10000;
        public const int MaxRetryDelayMs = 300000;

        /// <summary>A piece waits for the link to have sent the one before, at most this long (a link that never says so).</summary>
        public const int MaxPieceWaitMs = 2000;
        private const int PieceWaitPollMs = 20;
        private static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };
        private static readonly byte[] Nothing = new byte[0];

        /// <summary>What Home Assistant sends on a button's command topic (its default payload_press).</summary>
        public const string ButtonPress = "PRESS";

        private readonly IMqttLink _link;
        private readonly ConfigController _config;
        private readonly EventPublisher _events;
        private readonly EntityRegistry _entities;
        private readonly NodeContext _node;
        private readonly Random _random;
        private LastWill _will;
        private readonly AnnouncedComponents _announced;
        private TopicScheme _topics;
        private InboundTopic[] _inbound;
        private string[] _pieces;
        private int[] _removals;
        private string _deviceId;
        private string _deviceName;
        private string[] _keys;
        private string[] _names;
        private string[] _uniqueIds;
        private string[] _templates;
        private string[] _removalPieces;
        private int _nextPiece = -1;
        private long _pieceSentAtMs;
        private long _resendAtMs = -1;
        private int _retryDelayMs;

        /// <summary>Renders every entity of <paramref name="node"/>; added by the composition root after the parts whose entities it announces.</summary>
        public HomeAssistantDiscovery(NodeContext node)
        {
            _node = node;
            _announced = new AnnouncedComponents(node.Settings);
            _link = node.Link;
            _config = node.Config;
            _events = node.Events;
            _entities = node.Entities;
            _random = new Random(SeedOf(node.Config.Current.NodeId));
        }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            EndAnnouncement(); // one under the old topics ends; the next connect makes one anew
            NodeConfig config = _config.Current;
            _inbound = config.Discovery
                ? new InboundTopic[] { new InboundTopic(config.DiscoveryPrefix + "/status", 16, EventTypes.CommandRejected, "Home Assistant status", true) }
                : new InboundTopic[0];
        }

        /// <summary>Home Assistant came (back) online: announce again after a random few seconds.</summary>
        [ColdPath("Home Assistant restarts rarely")]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            if (Bytes.Same(Online, payload) && _resendAtMs < 0)
            {
                _resendAtMs = nowMs + _random.Next(MaxResendDelayMs - MinResendDelayMs + 1) + MinResendDelayMs;
            }
        }

        [ColdPath("runs once per connect")]
        public void OnConnected(long nowMs)
        {
            _resendAtMs = -1;
            _retryDelayMs = 0;
            Announce(nowMs);
        }

        public void Poll(long nowMs)
        {
            if (_nextPiece >= 0 && (_link.Pending == 0 || nowMs - _pieceSentAtMs >= MaxPieceWaitMs))
            {
                PublishPieces(nowMs);
            }
            else if (_resendAtMs >= 0 && nowMs >= _resendAtMs)
            {
                _resendAtMs = -1;
                Announce(nowMs);
            }
        }

        public long MsUntilWork(long nowMs)
        {
            if (_nextPiece >= 0)
            {
                return _link.Pending == 0 ? 0 : PieceWaitPollMs;
            }

            return _resendAtMs < 0 ? -1 : Waits.Until(_resendAtMs, nowMs);
        }

        public void OnStop()
        {
        }

        /// <summary>
        /// The discovery topic of a piece, "{prefix}/device/{node_id}/{piece}/config" (Home Assistant's
        /// "&lt;component&gt;/[&lt;node_id&gt;/]&lt;object_id&gt;/config"): the base piece keeps "{prefix}/device/{node_id}/config", the
        /// topic of the one announcement older releases made. A broker ACL grants them all with "homeassistant/device/%u/#".
        /// </summary>
        public static string PieceTopic(string discoveryPrefix, string nodeId, string piece)
        {
            return discoveryPrefix + "/device/" + nodeId + (piece == AnnouncedComponents.BasePiece ? "" : "/" + piece) + "/config";
        }

        /// <summary>
        /// Starts an announcement: its pieces are the groups of the node's entities (a sensor, "outputs", "actions", and
        /// "diag", the base) and the pieces of components gone since the previous boot, one message each, published one
        /// after the other as the link has sent the last. One message for the whole device (5.7 KB for two chips and
        /// the DevKitC's outputs) needed two blocks of its size at once on the ESP32's heap (the buffer and M2Mqtt's
        /// packet) and often found none at a connect: once, M2Mqtt's thread ran out and the connection was lost
        /// (virtual ESP32, 110 KB, web page on). A piece is one group's few components, about 1.4 KB at most.
        /// Home Assistant joins the pieces into one device by the identifiers they share.
        /// </summary>
        [ColdPath("announcements are rare")]
        private void Announce(long nowMs)
        {
            NodeConfig config = _config.Current;
            if (!config.Discovery)
            {
                // An empty retained message is how a discovery topic is deleted (Home Assistant's MQTT discovery docs).
                string[] known = KnownPieces(false);
                for (int i = 0; i < known.Length; i++)
                {
                    _link.Publish(PieceTopic(config.DiscoveryPrefix, config.NodeId, known[i]), Nothing, 0, MqttQos.AtLeastOnce, true);
                }

                return;
            }

            _will = _node.Will; // taken now: a convention added after this part claims it in its own UseTopics
            NameEntities();
            FindRemovals();
            _pieces = KnownPieces(true);
            _announced.BeginAnnouncement();
            _nextPiece = 0;
            PublishPieces(nowMs);
        }

        /// <summary>
        /// Pieces, one after the other while the link has sent each before the next (at once on a link that sends
        /// before it returns); the rest at a later turn once it has, so a device's heap holds one piece at a time.
        /// </summary>
        private void PublishPieces(long nowMs)
        {
            do
            {
                PublishNextPiece(nowMs);
            }
            while (_nextPiece >= 0 && _link.Pending == 0);
        }

        /// <summary>
        /// The pieces in the order they go out: the base first (Home Assistant learns the device from it), then each
        /// group of entities, then, <paramref name="forAnnouncement"/>, the pieces of the components this announcement
        /// removes (<see cref="FindRemovals"/>), or else every piece the previous boot had (to delete them all).
        /// </summary>
        private string[] KnownPieces(bool forAnnouncement)
        {
            ArrayList pieces = new ArrayList();
            pieces.Add(AnnouncedComponents.BasePiece);
            for (int i = 0; i < _entities.Count; i++)
            {
                AddOnce(pieces, _entities[i].Group);
            }

            if (forAnnouncement)
            {
                for (int r = 0; r < _removalPieces.Length; r++)
                {
                    AddOnce(pieces, _removalPieces[r]);
                }
            }
            else
            {
                for (int i = 0; i < _announced.PreviousCount; i++)
                {
                    AddOnce(pieces, _announced.PreviousPiece(i));
                }
            }

            string[] result = new string[pieces.Count];
            pieces.CopyTo(result, 0);
            return result;
        }

        private static void AddOnce(ArrayList pieces, string piece)
        {
            if (!pieces.Contains(piece))
            {
                pieces.Add(piece);
            }
        }

        /// <summary>
        /// The next piece, in a buffer of exactly its size, measured first and left to the collector once the link has
        /// its copy: kept between connects, an announcement's buffer was what a small heap lacked later.
        /// </summary>
        [ColdPath("announcements are rare")]
        private void PublishNextPiece(long nowMs)
        {
            string piece = _pieces[_nextPiece];
            NodeConfig config = _config.Current;
            string topic = PieceTopic(config.DiscoveryPrefix, config.NodeId, piece);
            PayloadBuilder measure = new PayloadBuilder(0);
            Build(measure, piece, false);
            if (measure.NeededLength > MaxPayloadBytes)
            {
                EndAnnouncement();
                _events.Error(EventTypes.DiscoveryError, topic, "the announcement exceeds " + MaxPayloadBytes + " bytes; not published");
                return;
            }

            PayloadBuilder payload = NewPayload(topic, measure.NeededLength);
            if (payload == null)
            {
                EndAnnouncement();
                RetryLater(nowMs);
                return;
            }

            Build(payload, piece, true);
            if (payload.Overflowed)
            {
                // Not reached while both builds see the same node; cut JSON must never reach Home Assistant.
                EndAnnouncement();
                _events.Error(EventTypes.DiscoveryError, topic, "the announcement changed while it was made; not published");
                return;
            }

            if (!_link.Publish(topic, payload.Buffer, payload.Length, MqttQos.AtLeastOnce, true))
            {
                EndAnnouncement();
                ReportNotPublished(topic);
                RetryLater(nowMs);
                return;
            }

            _pieceSentAtMs = nowMs;
            _nextPiece++;
            if (_nextPiece == _pieces.Length)
            {
                EndAnnouncement();
                _announced.Published();
                _retryDelayMs = 0;
            }
        }

        /// <summary>
        /// No piece left to send: the texts made for this announcement are let go, so a device's heap does not keep
        /// about 2 KB of them (ids, names, unique ids) between connects.
        /// </summary>
        private void EndAnnouncement()
        {
            _nextPiece = -1;
            _pieces = null;
            _keys = null;
            _names = null;
            _uniqueIds = null;
            _templates = null;
            _removals = null;
            _removalPieces = null;
            _deviceId = null;
            _deviceName = null;
        }

        [ColdPath("an announcement that did not go out")]
        private void RetryLater(long nowMs)
        {
            _retryDelayMs = _retryDelayMs == 0 ? FirstRetryDelayMs : 2 * _retryDelayMs;
            if (_retryDelayMs > MaxRetryDelayMs)
            {
                _retryDelayMs = MaxRetryDelayMs;
            }

            _resendAtMs = nowMs + _retryDelayMs;
        }

        /// <summary>The announcement's buffer, or null (reported) when the heap has no room for it: the node runs on without.</summary>
        [ColdPath("announcements are rare")]
        private PayloadBuilder NewPayload(string topic, int bytes)
        {
            try
            {
                return new PayloadBuilder(bytes);
            }
            catch (OutOfMemoryException)
            {
                _events.Error(EventTypes.DiscoveryError, topic, "no room for the announcement's " + bytes + "-byte buffer; not published, tried again later");
                return null;
            }
        }

        [ColdPath("a link that refuses the announcement")]
        private void ReportNotPublished(string topic)
        {
            _events.Error(EventTypes.DiscoveryError, topic, "the announcement was not published: " + _link.LastError + "; tried again later");
        }

        /// <summary>
        /// One piece: the device (the same in every piece, which is how Home Assistant joins them), its origin, the
        /// components of the piece's entities and the removals of the piece's gone components. Noted as announced only
        /// when <paramref name="record"/> (the build that goes out, not the one that measures).
        /// </summary>
        private void Build(PayloadBuilder json, string piece, bool record)
        {
            json.Append('{').AppendJsonKey("device").Append('{')
                .AppendJsonKey("identifiers").Append('[').AppendJsonString(_deviceId).Append(']')
                .Append(',').AppendJsonKey("name").AppendJsonString(_deviceName)
                .Append(',').AppendJsonKey("manufacturer").AppendJsonString(Firmware.Name)
                .Append(',').AppendJsonKey("model").AppendJsonString(Firmware.Name + " ESP32 node")
                .Append(',').AppendJsonKey("sw_version").AppendJsonString(Firmware.Version).Append('}');
            json.Append(',').AppendJsonKey("origin").Append('{')
                .AppendJsonKey("name").AppendJsonString(Firmware.Name)
                .Append(',').AppendJsonKey("sw_version").AppendJsonString(Firmware.Version).Append('}');
            json.Append(',').AppendJsonKey("components").Append('{');
            LastWill will = _will;
            bool first = true;
            for (int i = 0; i < _entities.Count; i++)
            {
                if (_entities[i].Group == piece)
                {
                    first = Separate(json, first);
                    AppendComponent(json, i, will, record);
                }
            }

            AppendRemovals(json, piece, first, record);
            json.Append('}').Append('}');
        }

        /// <summary>
        /// Each component of this piece gone from this boot's announcement for at most
        /// <see cref="AnnouncedComponents.RemovalBoots"/> boots, with nothing but its platform.
        /// </summary>
        private void AppendRemovals(PayloadBuilder json, string piece, bool first, bool record)
        {
            for (int r = 0; r < _removals.Length; r++)
            {
                if (_removalPieces[r] == piece)
                {
                    int i = _removals[r];
                    first = Separate(json, first);
                    json.AppendJsonKey(_announced.PreviousId(i)).Append('{').AppendJsonKey("platform").AppendJsonString(_announced.PreviousPlatform(i)).Append('}');
                    if (record)
                    {
                        _announced.Removed(i);
                    }
                }
            }
        }

        /// <summary>
        /// Once per announcement, the texts each piece's two builds (measuring, then writing) would otherwise make
        /// again: the device's id and name, each entity's key, name, unique id and value template.
        /// </summary>
        private void NameEntities()
        {
            string nodeId = _config.Current.NodeId;
            _deviceId = Firmware.Name.ToLower() + "_" + nodeId;
            _deviceName = Firmware.Name + " " + nodeId;
            int count = _entities.Count;
            _keys = new string[count];
            _names = new string[count];
            _uniqueIds = new string[count];
            _templates = new string[count];
            for (int i = 0; i < count; i++)
            {
                Entity entity = _entities[i];
                _keys[i] = entity.Key;
                _names[i] = entity.Name;
                _uniqueIds[i] = _deviceId + "_" + _keys[i];
                _templates[i] = entity.Diagnostic == null ? null : "{{ value_json." + entity.Diagnostic.Field + " }}";
            }
        }

        /// <summary>
        /// Once per announcement, the previous boot's components it removes, with their pieces: those no entity of this
        /// boot has the key of (one that moved to another piece is announced there, not removed), for at most
        /// <see cref="AnnouncedComponents.RemovalBoots"/> boots. Worked out once, not per piece and build: the fuzz run
        /// measured 187 KB of garbage for a reconnect when every piece asked again.
        /// </summary>
        private void FindRemovals()
        {
            int count = 0;
            for (int i = 0; i < _announced.PreviousCount; i++)
            {
                count += RemovalDue(i) ? 1 : 0;
            }

            _removals = new int[count];
            _removalPieces = new string[count];
            int r = 0;
            for (int i = 0; i < _announced.PreviousCount; i++)
            {
                if (RemovalDue(i))
                {
                    _removals[r] = i;
                    _removalPieces[r] = _announced.PreviousPiece(i);
                    r++;
                }
            }
        }

        private bool RemovalDue(int index)
        {
            return _announced.GoneBoots(index) <= AnnouncedComponents.RemovalBoots && !IsKey(_announced.PreviousId(index));
        }

        /// <summary>True when a component of this key is among the node's entities (so it is announced, not removed).</summary>
        private bool IsKey(string key)
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] == key)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The entity as Home Assistant's component of its role: a reading a sensor, an output its kind's component,
        /// a button a button, a diagnostic a sensor of category diagnostic reading its field of "{base}/diag".
        /// </summary>
        private void AppendComponent(PayloadBuilder json, int index, LastWill will, bool record)
        {
            Entity entity = _entities[index];
            string key = _keys[index];
            string platform = entity.Role == EntityRole.Control ? entity.Output.Component
                : entity.Role == EntityRole.Button ? "button"
                : "sensor";
            // QoS per component (1: commands and states at least once), as a device-level "qos" reaches the components
            // only in newer Home Assistant releases.
            if (record)
            {
                _announced.Announced(platform, entity.Group, key);
            }

            json.AppendJsonKey(key).Append('{').AppendJsonKey("platform").AppendJsonString(platform)
                .Append(',').AppendJsonKey("qos").AppendInteger(1)
                .Append(',').AppendJsonKey("name").AppendJsonString(_names[index])
                .Append(',').AppendJsonKey("unique_id").AppendJsonString(_uniqueIds[index]);
            if (entity.Role == EntityRole.Diagnostic)
            {
                json.Append(',').AppendJsonKey("entity_category").AppendJsonString("diagnostic");
            }

            if (entity.CommandTopic != null)
            {
                json.Append(',').AppendJsonKey("command_topic").AppendJsonString(entity.CommandTopic);
            }

            if (entity.StateTopic != null)
            {
                json.Append(',').AppendJsonKey("state_topic").AppendJsonString(entity.StateTopic);
            }

            DiagnosticField diagnostic = entity.Diagnostic;
            if (diagnostic != null)
            {
                json.Append(',').AppendJsonKey("value_template").AppendJsonString(_templates[index]);
            }

            AppendAvailability(json, entity.AvailabilityTopic, will);
            switch (entity.Role)
            {
                case EntityRole.Reading:
                    AppendQuantity(json, entity.Quantity);
                    break;
                case EntityRole.Control:
                    entity.Output.AppendDiscovery(json, entity.CommandTopic, entity.StateTopic);
                    break;
                case EntityRole.Button:
                    json.Append(',').AppendJsonKey("payload_press").AppendJsonString(ButtonPress);
                    break;
                default:
                    AppendOptional(json, "device_class", diagnostic.DeviceClass);
                    AppendOptional(json, "unit_of_measurement", diagnostic.Unit);
                    AppendOptional(json, "state_class", diagnostic.StateClass);
                    break;
            }

            json.Append('}');
        }

        private static void AppendQuantity(PayloadBuilder json, Quantity quantity)
        {
            AppendOptional(json, "device_class", quantity.DeviceClass);
            json.Append(',').AppendJsonKey("unit_of_measurement").AppendJsonString(quantity.HomeAssistantUnit)
                .Append(',').AppendJsonKey("state_class").AppendJsonString("measurement")
                .Append(',').AppendJsonKey("suggested_display_precision").AppendInteger(quantity.Decimals);
        }

        private static void AppendOptional(PayloadBuilder json, string key, string value)
        {
            if (value != null)
            {
                json.Append(',').AppendJsonKey(key).AppendJsonString(value);
            }
        }

        /// <summary>
        /// Per component (availability is not among the options device discovery shares): available while the node
        /// is online — and, for a reading, while its sensor reads ("{base}/status/{sensor}"), and while the topic of the
        /// node's Last-Will says alive when a convention has claimed it (Homie's "$state"): then a vanished node shows
        /// unavailable although "{base}/status" keeps its last "online". All listed must say available.
        /// </summary>
        private void AppendAvailability(PayloadBuilder json, string sensorAvailability, LastWill will)
        {
            bool willElsewhere = will.Topic != _topics.Status;
            if (sensorAvailability == null && !willElsewhere)
            {
                json.Append(',').AppendJsonKey("availability_topic").AppendJsonString(_topics.Status)
                    .Append(',').AppendJsonKey("payload_available").AppendJsonString("online")
                    .Append(',').AppendJsonKey("payload_not_available").AppendJsonString("offline");
                return;
            }

            // payloads default to "online"/"offline"
            json.Append(',').AppendJsonKey("availability").Append('[')
                .Append('{').AppendJsonKey("topic").AppendJsonString(_topics.Status).Append('}');
            if (sensorAvailability != null)
            {
                json.Append(',').Append('{').AppendJsonKey("topic").AppendJsonString(sensorAvailability).Append('}');
            }

            if (willElsewhere)
            {
                json.Append(',').Append('{').AppendJsonKey("topic").AppendJsonString(will.Topic)
                    .Append(',').AppendJsonKey("payload_available").AppendJsonString(will.AliveText)
                    .Append(',').AppendJsonKey("payload_not_available").AppendJsonString(will.LostText).Append('}');
            }

            json.Append(']').Append(',').AppendJsonKey("availability_mode").AppendJsonString("all");
        }

        private static bool Separate(PayloadBuilder json, bool first)
        {
            if (!first)
            {
                json.Append(',');
            }

            return false;
        }

        /// <summary>Each node its own delays: seeded by its id, so nodes booted together do not answer together.</summary>
        private static int SeedOf(string nodeId)
        {
            int seed = 17;
            for (int i = 0; i < nodeId.Length; i++)
            {
                seed = seed * 31 + nodeId[i];
            }

            return seed;
        }
    }
}
