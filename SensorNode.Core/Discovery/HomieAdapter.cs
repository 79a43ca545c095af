using System;
using SensorNode.Core.Actuators;
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
    /// The Homie 5 adapter (the "homie" config key): the node as a Homie device "homie/5/{id}" rendered from the same
    /// entities as Home Assistant's announcement. Each group of entities is a Homie node (a sensor, "outputs",
    /// "actions"), each entity a property: a reading a float with its unit, a switch a settable boolean, a dimmer or
    /// servo a settable integer with its range, a button a settable, non-retained enum "PRESS". The diagnostics stay
    /// on "{base}/diag" (Homie has no such category). After every connect: "$state" "init", the "$description"
    /// document, "$state" "ready"; each value the node publishes on its own topic is published on the property's
    /// topic too. A "/set" is translated into the entity's own command and routed like any command (the same
    /// checks, events and state echo). MQTT allows one Last-Will per connection: with Homie on, it is "$state" "lost"
    /// (Homie's rule), and "{base}/status" says "offline" only at an orderly stop; Home Assistant's availability then
    /// lists "$state" too.
    /// </summary>
    public sealed class HomieAdapter : INodePart, IEntityListener
    {
        public const string Root = "homie/5";

        /// <summary>The longest "/set" payload: a Homie value of the datatypes offered ("true", "180", "PRESS").</summary>
        public const int MaxSetBytes = 16;

        public const int MaxDescriptionBytes = 8192;

        private static readonly byte[] True = Utf8.GetBytes("true");
        private static readonly byte[] False = Utf8.GetBytes("false");
        private static readonly byte[] Nothing = new byte[0];
        private static readonly byte[] Press = Utf8.GetBytes(HomeAssistantDiscovery.ButtonPress);
        private static readonly InboundTopic[] NoInbound = new InboundTopic[0];

        private readonly NodeContext _node;
        private readonly IMqttLink _link;
        private readonly EventPublisher _events;
        private readonly EntityRegistry _entities;
        private bool _enabled;
        private string _device;
        private string _previousDevice;
        private InboundTopic[] _inbound = NoInbound;
        private string[] _valueTopics = new string[0];
        private string[] _setTopics = new string[0];

        public HomieAdapter(NodeContext node)
        {
            _node = node;
            _link = node.Link;
            _events = node.Events;
            _entities = node.Entities;
            _entities.AddListener(this);
        }

        /// <summary>The device's topic, "homie/5/{id}"; null while Homie is off.</summary>
        public string DeviceTopic
        {
            get { return _enabled ? _device : null; }
        }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        /// <summary>Claims the Last-Will while on (the next connect carries it) and makes every property's topics.</summary>
        public void UseTopics(TopicScheme topics)
        {
            NodeConfig config = _node.Config.Current;
            if (_enabled && (!config.Homie || Root + "/" + IdOf(config.NodeId) != _device))
            {
                _previousDevice = _device; // cleared from the broker at the next connect
            }

            _enabled = config.Homie;
            _device = Root + "/" + IdOf(config.NodeId);
            _node.ClaimWill(_enabled ? new LastWill(_device + "/$state", "lost", "ready") : null);
            _inbound = _enabled
                ? new InboundTopic[] { new InboundTopic(_device + "/+/+/set", MaxSetBytes, EventTypes.CommandRejected, "Homie command") }
                : NoInbound;
            int count = _enabled ? _entities.Count : 0; // off, it keeps no topics: every byte counts on a device's heap
            _valueTopics = new string[count];
            _setTopics = new string[count];
            for (int i = 0; i < count; i++)
            {
                Entity entity = _entities[i];
                _valueTopics[i] = null; // written, not left as made: nanoCLR's unwritten string[] element is no real null
                _setTopics[i] = null;
                if (entity.Role != EntityRole.Diagnostic)
                {
                    _valueTopics[i] = _device + "/" + IdOf(entity.Group) + "/" + IdOf(entity.Id);
                    if (entity.CommandTopic != null)
                    {
                        _setTopics[i] = _valueTopics[i] + "/set";
                    }
                }
            }
        }

        /// <summary>A "/set" of a property: its value in the entity's own grammar, handed to the node as that entity's command.</summary>
        [ColdPath("Homie commands are translated on a cold path; the entity's own command path is the hot one")]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            int index = -1;
            for (int i = 0; i < _setTopics.Length; i++)
            {
                if (_setTopics[i] != null && _setTopics[i] == topic)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                _events.Error(EventTypes.CommandRejected, topic, "no settable Homie property at this topic");
                return;
            }

            Entity entity = _entities[index];
            if (entity.Role == EntityRole.Button)
            {
                if (!Bytes.Same(Press, payload))
                {
                    _events.Error(EventTypes.CommandRejected, topic, "a Homie enum of format " + HomeAssistantDiscovery.ButtonPress + " takes only " + HomeAssistantDiscovery.ButtonPress);
                    return;
                }

                _node.Commands.Submit(entity.CommandTopic, payload);
                return;
            }

            int value = ValueOf(entity.Output, payload);
            if (value < 0)
            {
                _events.Error(EventTypes.CommandRejected, topic, entity.Output.IsOnOff
                    ? "a Homie boolean is true or false"
                    : "a Homie integer from 0 to " + entity.Output.MaxValue + " without sign or leading zeros");
                return;
            }

            PayloadBuilder command = new PayloadBuilder(MaxSetBytes);
            entity.Output.AppendSetCommand(command, value);
            _node.Commands.Submit(entity.CommandTopic, command.ToArray());
        }

        [ColdPath("runs once per connect")]
        public void OnConnected(long nowMs)
        {
            if (_previousDevice != null)
            {
                // A device gone (Homie switched off, or the node renamed): its $state first, as Homie removes a device.
                _link.Publish(_previousDevice + "/$state", Nothing, 0, MqttQos.AtLeastOnce, true);
                _link.Publish(_previousDevice + "/$description", Nothing, 0, MqttQos.AtLeastOnce, true);
                _previousDevice = null;
            }

            if (!_enabled)
            {
                return;
            }

            PublishState("init");
            PayloadBuilder measure = new PayloadBuilder(0);
            BuildDescription(measure);
            if (measure.NeededLength > MaxDescriptionBytes)
            {
                _events.Error(EventTypes.DiscoveryError, _device + "/$description", "the Homie description exceeds " + MaxDescriptionBytes + " bytes; not published");
                return;
            }

            PayloadBuilder description;
            try
            {
                description = new PayloadBuilder(measure.NeededLength);
            }
            catch (OutOfMemoryException)
            {
                _events.Error(EventTypes.DiscoveryError, _device + "/$description", "no room for the Homie description's " + measure.NeededLength + " bytes; published at the next connect");
                return;
            }

            BuildDescription(description);
            _link.Publish(_device + "/$description", description.Buffer, description.Length, MqttQos.AtLeastOnce, true);
            PublishState("ready");
        }

        public void Poll(long nowMs)
        {
        }

        public long MsUntilWork(long nowMs)
        {
            return -1;
        }

        /// <summary>An orderly stop says "disconnected", Homie's word for a device that left on purpose.</summary>
        public void OnStop()
        {
            if (_enabled && _node.Connection.IsOnline)
            {
                PublishState("disconnected");
            }
        }

        /// <summary>The value on the property's topic: a switch's as true or false, every other as the node published it.</summary>
        [SteadyState]
        public void OnValue(Entity entity, byte[] text, int length)
        {
            if (!_enabled || !_node.Connection.IsOnline)
            {
                return;
            }

            string topic = _valueTopics[entity.Index];
            if (topic == null)
            {
                return;
            }

            if (entity.Role == EntityRole.Control && entity.Output.IsOnOff)
            {
                byte[] state = length == 1 && text[0] == '0' ? False : True;
                _link.Publish(topic, state, state.Length, MqttQos.AtMostOnce, true);
                return;
            }

            _link.Publish(topic, text, length, MqttQos.AtMostOnce, true);
        }

        /// <summary>A Homie ID: lower-case letters, digits and hyphens ("gas_resistance" is "gas-resistance").</summary>
        public static string IdOf(string name)
        {
            char[] id = name.ToLower().ToCharArray();
            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                {
                    id[i] = '-';
                }
            }

            return new string(id);
        }

        private void PublishState(string state)
        {
            byte[] payload = Utf8.GetBytes(state);
            _link.Publish(_device + "/$state", payload, payload.Length, MqttQos.AtLeastOnce, true);
        }

        /// <summary>A Homie value for an output: its value, or -1 when the text is not one.</summary>
        private static int ValueOf(OutputKind kind, byte[] payload)
        {
            if (kind.IsOnOff)
            {
                return Bytes.Same(True, payload) ? kind.MaxValue : Bytes.Same(False, payload) ? 0 : -1;
            }

            return ActuatorCommandParser.WholeNumber(payload, 0, payload.Length, kind.MaxValue);
        }

        /// <summary>
        /// The "$description": each group of entities a node, each entity a property. Its version changes whenever
        /// what it describes does (a hash of it), as Homie 5 asks.
        /// </summary>
        private void BuildDescription(PayloadBuilder json)
        {
            string nodeId = _node.Config.Current.NodeId;
            json.Append('{').AppendJsonKey("homie").AppendJsonString("5.0")
                .Append(',').AppendJsonKey("version").AppendInteger(Version())
                .Append(',').AppendJsonKey("name").AppendJsonString(Firmware.Name + " " + nodeId)
                .Append(',').AppendJsonKey("nodes").Append('{');
            bool firstNode = true;
            for (int i = 0; i < _entities.Count; i++)
            {
                if (_valueTopics[i] == null || !FirstOfGroup(i))
                {
                    continue;
                }

                if (!firstNode)
                {
                    json.Append(',');
                }

                firstNode = false;
                string group = _entities[i].Group;
                json.AppendJsonKey(IdOf(group)).Append('{').AppendJsonKey("name").AppendJsonString(group)
                    .Append(',').AppendJsonKey("properties").Append('{');
                bool firstProperty = true;
                for (int k = i; k < _entities.Count; k++)
                {
                    if (_valueTopics[k] == null || _entities[k].Group != group)
                    {
                        continue;
                    }

                    if (!firstProperty)
                    {
                        json.Append(',');
                    }

                    firstProperty = false;
                    AppendProperty(json, _entities[k]);
                }

                json.Append('}').Append('}');
            }

            json.Append('}').Append('}');
        }

        private bool FirstOfGroup(int index)
        {
            for (int j = 0; j < index; j++)
            {
                if (_valueTopics[j] != null && _entities[j].Group == _entities[index].Group)
                {
                    return false;
                }
            }

            return true;
        }

        private static void AppendProperty(PayloadBuilder json, Entity entity)
        {
            json.AppendJsonKey(IdOf(entity.Id)).Append('{').AppendJsonKey("name").AppendJsonString(entity.Name);
            switch (entity.Role)
            {
                case EntityRole.Reading:
                    json.Append(',').AppendJsonKey("datatype").AppendJsonString("float")
                        .Append(',').AppendJsonKey("unit").AppendJsonString(entity.Quantity.HomeAssistantUnit);
                    break;
                case EntityRole.Control:
                    if (entity.Output.IsOnOff)
                    {
                        json.Append(',').AppendJsonKey("datatype").AppendJsonString("boolean");
                    }
                    else
                    {
                        json.Append(',').AppendJsonKey("datatype").AppendJsonString("integer")
                            .Append(',').AppendJsonKey("format").AppendJsonString("0:" + entity.Output.MaxValue);
                        if (entity.Output.Unit != null)
                        {
                            json.Append(',').AppendJsonKey("unit").AppendJsonString(entity.Output.Unit);
                        }
                    }

                    json.Append(',').AppendJsonKey("settable").Append("true");
                    break;
                default:
                    json.Append(',').AppendJsonKey("datatype").AppendJsonString("enum")
                        .Append(',').AppendJsonKey("format").AppendJsonString(HomeAssistantDiscovery.ButtonPress)
                        .Append(',').AppendJsonKey("settable").Append("true")
                        .Append(',').AppendJsonKey("retained").Append("false");
                    break;
            }

            json.Append('}');
        }

        /// <summary>FNV-1a over what the description says, kept positive: a new entity, kind or unit is a new version.</summary>
        private long Version()
        {
            uint hash = 2166136261;
            hash = Mix(hash, _node.Config.Current.NodeId);
            hash = Mix(hash, Firmware.Version);
            for (int i = 0; i < _entities.Count; i++)
            {
                if (_valueTopics[i] == null)
                {
                    continue;
                }

                Entity entity = _entities[i];
                hash = Mix(hash, entity.Key);
                hash = Mix(hash, entity.Output != null ? entity.Output.Name : entity.Quantity != null ? entity.Quantity.HomeAssistantUnit : "button");
            }

            return hash & 0x7FFFFFFF;
        }

        private static uint Mix(uint hash, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return (hash ^ '/') * 16777619;
        }
    }
}
