using System;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Discovery
{
    /// <summary>
    /// The Home Assistant part: announces the node as one device (MQTT device discovery,
    /// "{discovery_prefix}/device/{node_id}/config", retained) with a sensor per quantity of every sensor, a switch
    /// per relay or LED and a light with brightness per dimmer, diagnostic sensors read from "{base}/diag" (uptime,
    /// connects, and Wi-Fi RSSI and free heap when the board knows them), all available while "{base}/status" is "online".
    /// Sent after every connect and again a few seconds (random, so a fleet does not answer at once) after Home
    /// Assistant says "online" on "{discovery_prefix}/status". With discovery off it removes the device instead. A
    /// component the previous boot announced and this one has not (a sensor gone from the bus, an output taken out of
    /// the board profile) is removed from Home Assistant: it stays in every announcement of this boot with only its
    /// platform, Home Assistant's documented way to remove one component of a device.
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
        private static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };
        private static readonly byte[] Nothing = new byte[0];

        private readonly IMqttLink _link;
        private readonly ConfigController _config;
        private readonly EventPublisher _events;
        private readonly ISensor[] _sensors;
        private readonly Actuator[] _actuators;
        private readonly IBoardHealth _health;
        private readonly Random _random;
        private readonly AnnouncedComponents _announced;
        private TopicScheme _topics;
        private InboundTopic[] _inbound;
        private string _configTopic;
        private long _resendAtMs = -1;
        private int _retryDelayMs;

        public HomeAssistantDiscovery(IMqttLink link, ConfigController config, EventPublisher events, ISensor[] sensors, Actuator[] actuators, IBoardHealth health, AnnouncedComponents announced)
        {
            _announced = announced;
            _health = health;
            _link = link;
            _config = config;
            _events = events;
            _sensors = sensors;
            _actuators = actuators;
            _random = new Random(SeedOf(config.Current.NodeId));
        }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            NodeConfig config = _config.Current;
            _configTopic = config.DiscoveryPrefix + "/device/" + config.NodeId + "/config";
            _inbound = config.Discovery
                ? new InboundTopic[] { new InboundTopic(config.DiscoveryPrefix + "/status", 16, EventTypes.CommandRejected, "Home Assistant status", true) }
                : new InboundTopic[0];
        }

        /// <summary>Home Assistant came (back) online: announce again after a random few seconds.</summary>
        [ColdPath("Home Assistant restarts rarely")]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            if (IsOnline(payload) && _resendAtMs < 0)
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
            if (_resendAtMs >= 0 && nowMs >= _resendAtMs)
            {
                _resendAtMs = -1;
                Announce(nowMs);
            }
        }

        public long MsUntilWork(long nowMs)
        {
            return _resendAtMs < 0 ? -1 : Waits.Until(_resendAtMs, nowMs);
        }

        public void OnStop()
        {
        }

        [ColdPath("announcements are rare")]
        private void Announce(long nowMs)
        {
            if (!_config.Current.Discovery)
            {
                // An empty retained message is how a discovery topic is deleted (Home Assistant's MQTT discovery docs).
                _link.Publish(_configTopic, Nothing, 0, MqttQos.AtLeastOnce, true);
                return;
            }

            // A buffer of its own for each announcement, left to the collector once the link has its copy: kept between
            // connects, its 8 KB were what a BME280 + SHT31 + SCD41 node lacked on an ESP32-DevKitC's 110 KB heap when
            // M2Mqtt made the packet (OutOfMemoryException in MqttMsgPublish.GetBytes on every connect, virtual ESP32).
            // Measured first, then built in a buffer of exactly its size: on a heap of scattered free blocks a
            // contiguous block of the announcement's own size (about 3.8 KB for one chip and the DevKitC's outputs)
            // is there far more often than the 8 KB the largest would take.
            PayloadBuilder measure = new PayloadBuilder(0);
            Build(measure);
            if (measure.NeededLength > MaxPayloadBytes)
            {
                _events.Error(EventTypes.DiscoveryError, _configTopic, "the announcement exceeds " + MaxPayloadBytes + " bytes; not published");
                return;
            }

            PayloadBuilder payload = NewPayload(measure.NeededLength);
            if (payload == null)
            {
                RetryLater(nowMs);
                return;
            }

            Build(payload);
            if (payload.Overflowed)
            {
                // Not reached while both builds see the same node; cut JSON must never reach Home Assistant.
                _events.Error(EventTypes.DiscoveryError, _configTopic, "the announcement changed while it was made; not published");
                return;
            }

            if (_link.Publish(_configTopic, payload.Buffer, payload.Length, MqttQos.AtLeastOnce, true))
            {
                _announced.Published();
                _retryDelayMs = 0;
                return;
            }

            ReportNotPublished();
            RetryLater(nowMs);
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
        private PayloadBuilder NewPayload(int bytes)
        {
            try
            {
                return new PayloadBuilder(bytes);
            }
            catch (OutOfMemoryException)
            {
                _events.Error(EventTypes.DiscoveryError, _configTopic, "no room for the announcement's " + bytes + "-byte buffer; not published, tried again later");
                return null;
            }
        }

        [ColdPath("a link that refuses the announcement")]
        private void ReportNotPublished()
        {
            _events.Error(EventTypes.DiscoveryError, _configTopic, "the announcement was not published: " + _link.LastError + "; tried again later");
        }

        /// <summary>The device, its origin, availability, and one component per quantity and per output.</summary>
        private void Build(PayloadBuilder json)
        {
            string nodeId = _config.Current.NodeId;
            string uniquePrefix = Firmware.Name.ToLower() + "_" + nodeId + "_";
            json.Append('{').AppendJsonKey("device").Append('{')
                .AppendJsonKey("identifiers").Append('[').AppendJsonString(uniquePrefix.Substring(0, uniquePrefix.Length - 1)).Append(']')
                .Append(',').AppendJsonKey("name").AppendJsonString(Firmware.Name + " " + nodeId)
                .Append(',').AppendJsonKey("manufacturer").AppendJsonString(Firmware.Name)
                .Append(',').AppendJsonKey("model").AppendJsonString(Firmware.Name + " ESP32 node")
                .Append(',').AppendJsonKey("sw_version").AppendJsonString(Firmware.Version).Append('}');
            json.Append(',').AppendJsonKey("origin").Append('{')
                .AppendJsonKey("name").AppendJsonString(Firmware.Name)
                .Append(',').AppendJsonKey("sw_version").AppendJsonString(Firmware.Version).Append('}');
            json.Append(',').AppendJsonKey("components").Append('{');
            _announced.BeginAnnouncement();
            bool first = true;
            for (int s = 0; s < _sensors.Length; s++)
            {
                Quantity[] quantities = _sensors[s].Quantities;
                for (int q = 0; q < quantities.Length; q++)
                {
                    first = Separate(json, first);
                    AppendSensor(json, uniquePrefix, _sensors[s].Id, quantities[q]);
                }
            }

            for (int a = 0; a < _actuators.Length; a++)
            {
                first = Separate(json, first);
                AppendOutput(json, uniquePrefix, _actuators[a]);
            }

            first = AppendDiagnostics(json, uniquePrefix, first);
            AppendRemovals(json, first);
            json.Append('}').Append('}');
        }

        /// <summary>
        /// Each component gone from this boot's announcement for at most <see cref="AnnouncedComponents.RemovalBoots"/>
        /// boots, with nothing but its platform.
        /// </summary>
        private void AppendRemovals(PayloadBuilder json, bool first)
        {
            for (int i = 0; i < _announced.PreviousCount; i++)
            {
                if (_announced.RemovalDue(i))
                {
                    first = Separate(json, first);
                    json.AppendJsonKey(_announced.PreviousId(i)).Append('{').AppendJsonKey("platform").AppendJsonString(_announced.PreviousPlatform(i)).Append('}');
                    _announced.Removed(i);
                }
            }
        }

        /// <summary>
        /// The component's key, platform and QoS (1: commands and states at least once), noted as announced. QoS per
        /// component, as a device-level "qos" reaches the components only in newer Home Assistant releases.
        /// </summary>
        private void BeginComponent(PayloadBuilder json, string id, string platform)
        {
            _announced.Announced(platform, id);
            json.AppendJsonKey(id).Append('{').AppendJsonKey("platform").AppendJsonString(platform)
                .Append(',').AppendJsonKey("qos").AppendInteger(1);
        }

        private void AppendSensor(PayloadBuilder json, string uniquePrefix, string sensorId, Quantity quantity)
        {
            string id = sensorId + "_" + quantity.Name;
            BeginComponent(json, id, "sensor");
            json.Append(',').AppendJsonKey("name").AppendJsonString(sensorId + " " + quantity.Name)
                .Append(',').AppendJsonKey("unique_id").AppendJsonString(uniquePrefix + id)
                .Append(',').AppendJsonKey("state_topic").AppendJsonString(_topics.SensorReading(sensorId, quantity.Name));
            AppendSensorAvailability(json, sensorId);
            if (quantity.DeviceClass != null)
            {
                json.Append(',').AppendJsonKey("device_class").AppendJsonString(quantity.DeviceClass);
            }

            json.Append(',').AppendJsonKey("unit_of_measurement").AppendJsonString(quantity.HomeAssistantUnit)
                .Append(',').AppendJsonKey("state_class").AppendJsonString("measurement")
                .Append(',').AppendJsonKey("suggested_display_precision").AppendInteger(quantity.Decimals)
                .Append('}');
        }

        private void AppendOutput(PayloadBuilder json, string uniquePrefix, Actuator actuator)
        {
            string commandTopic = _topics.ActuatorSet(actuator.Id);
            string stateTopic = _topics.ActuatorState(actuator.Id);
            BeginComponent(json, actuator.Id, actuator.Kind.Component);
            json.Append(',').AppendJsonKey("name").AppendJsonString(actuator.Id)
                .Append(',').AppendJsonKey("unique_id").AppendJsonString(uniquePrefix + actuator.Id)
                .Append(',').AppendJsonKey("command_topic").AppendJsonString(commandTopic)
                .Append(',').AppendJsonKey("state_topic").AppendJsonString(stateTopic);
            AppendAvailability(json);
            actuator.Kind.AppendDiscovery(json, commandTopic, stateTopic);
            json.Append('}');
        }

        /// <summary>Per component: availability is not among the options device discovery shares across components.</summary>
        private void AppendAvailability(PayloadBuilder json)
        {
            json.Append(',').AppendJsonKey("availability_topic").AppendJsonString(_topics.Status)
                .Append(',').AppendJsonKey("payload_available").AppendJsonString("online")
                .Append(',').AppendJsonKey("payload_not_available").AppendJsonString("offline");
        }

        /// <summary>
        /// A reading is available only while the node is online and its sensor reads: both topics, availability_mode
        /// all (payloads default to "online"/"offline"). A failing sensor's entities go unavailable, not stale.
        /// </summary>
        private void AppendSensorAvailability(PayloadBuilder json, string sensorId)
        {
            json.Append(',').AppendJsonKey("availability").Append('[')
                .Append('{').AppendJsonKey("topic").AppendJsonString(_topics.Status).Append('}').Append(',')
                .Append('{').AppendJsonKey("topic").AppendJsonString(_topics.SensorAvailability(sensorId)).Append('}')
                .Append(']').Append(',').AppendJsonKey("availability_mode").AppendJsonString("all");
        }

        /// <summary>
        /// Diagnostic sensors (entity_category "diagnostic") on the retained "{base}/diag" JSON: the last boot (a
        /// timestamp) and connects always, RSSI and free heap only when the board reports them (a sensor with a unit must get
        /// numbers, and a board that cannot tell would only ever send null).
        /// </summary>
        private bool AppendDiagnostics(PayloadBuilder json, string uniquePrefix, bool first)
        {
            first = Separate(json, first);
            // The boot time, not the uptime: a timestamp stays true between reports, an uptime is stale at once.
            AppendDiagnostic(json, uniquePrefix, "last_boot", "last boot", "last_boot", "timestamp", null, null);
            first = Separate(json, first);
            AppendDiagnostic(json, uniquePrefix, "connects", "connects since boot", "connects", null, null, "total_increasing");
            int rssi;
            if (_health.TryGetRssi(out rssi))
            {
                first = Separate(json, first);
                AppendDiagnostic(json, uniquePrefix, "rssi", "Wi-Fi RSSI", "rssi_dbm", "signal_strength", "dBm", "measurement");
            }

            if (_health.FreeHeapBytes >= 0)
            {
                first = Separate(json, first);
                AppendDiagnostic(json, uniquePrefix, "free_heap", "free heap", "free_heap", "data_size", "B", "measurement");
            }

            return first;
        }

        private void AppendDiagnostic(PayloadBuilder json, string uniquePrefix, string name, string displayName, string field, string deviceClass, string unit, string stateClass)
        {
            string id = "diag_" + name;
            BeginComponent(json, id, "sensor");
            json.Append(',').AppendJsonKey("name").AppendJsonString(displayName)
                .Append(',').AppendJsonKey("unique_id").AppendJsonString(uniquePrefix + id)
                .Append(',').AppendJsonKey("entity_category").AppendJsonString("diagnostic")
                .Append(',').AppendJsonKey("state_topic").AppendJsonString(_topics.Diag)
                .Append(',').AppendJsonKey("value_template").AppendJsonString("{{ value_json." + field + " }}");
            AppendAvailability(json);
            if (deviceClass != null)
            {
                json.Append(',').AppendJsonKey("device_class").AppendJsonString(deviceClass);
            }

            if (unit != null)
            {
                json.Append(',').AppendJsonKey("unit_of_measurement").AppendJsonString(unit);
            }

            if (stateClass != null)
            {
                json.Append(',').AppendJsonKey("state_class").AppendJsonString(stateClass);
            }

            json.Append('}');
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

        private static bool IsOnline(byte[] payload)
        {
            if (payload.Length != Online.Length)
            {
                return false;
            }

            for (int i = 0; i < Online.Length; i++)
            {
                if (payload[i] != Online[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
