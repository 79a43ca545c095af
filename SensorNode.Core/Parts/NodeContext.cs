using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Mqtt;

namespace SensorNode.Core.Parts
{
    /// <summary>
    /// What the node lends the parts a composition root adds (<see cref="Node.AddPart"/>): its session, settings,
    /// events, entities, clock, and the sensors and outputs added before. A part takes what it needs in its
    /// constructor, so the root composes with one line: <c>node.AddPart(new HomieAdapter(node.Context));</c>
    /// </summary>
    public sealed class NodeContext
    {
        private readonly ConnectionSupervisor _supervisor;
        private readonly Node _node;

        internal NodeContext(Node node, IMqttLink link, ConfigController config, EventPublisher events, EntityRegistry entities, ISettingsStore settings, IClock clock, ILog log, ConnectionSupervisor supervisor, IBoardHealth health, ArrayList sensors, ArrayList outputs)
        {
            _node = node;
            Connection = node;
            Commands = node;
            Health = health;
            Sensors = sensors;
            Outputs = outputs;
            Link = link;
            Config = config;
            Events = events;
            Entities = entities;
            Settings = settings;
            Clock = clock;
            Log = log;
            _supervisor = supervisor;
        }

        /// <summary>The broker session; publish only while <see cref="INodeConnection.IsOnline"/>.</summary>
        public IMqttLink Link { get; }

        public INodeConnection Connection { get; }

        /// <summary>Where a translated command re-enters the node, to be routed like one from the broker.</summary>
        public ICommandSink Commands { get; }

        /// <summary>The current settings (<see cref="ConfigController.Current"/>).</summary>
        public ConfigController Config { get; }

        /// <summary>"{base}/event" and the log, for what goes wrong.</summary>
        public EventPublisher Events { get; }

        /// <summary>Every entity the node's parts declared, complete once the node has started.</summary>
        public EntityRegistry Entities { get; }

        /// <summary>The board's flash, for what a part keeps across boots.</summary>
        public ISettingsStore Settings { get; }

        public IClock Clock { get; }

        /// <summary>What the board knows of its own health (the diagnostics' figures).</summary>
        public IBoardHealth Health { get; }

        /// <summary>The sensors added so far (<see cref="ISensor"/>): a part takes them when it is made, so they come first.</summary>
        public ArrayList Sensors { get; }

        /// <summary>The outputs added so far (<see cref="Actuators.Actuator"/>), likewise.</summary>
        public ArrayList Outputs { get; }

        /// <summary>The broker session's state machine (connects, the last error), for the diagnostics.</summary>
        public ConnectionSupervisor Session
        {
            get { return _supervisor; }
        }

        /// <summary>The inbox of received messages (what it dropped), for the diagnostics.</summary>
        public MessageInbox Inbox
        {
            get { return _node.Inbox; }
        }

        /// <summary>Boots counted in the settings store, this one included.</summary>
        public long Boots
        {
            get { return _node.Boots; }
        }

        public ILog Log { get; }

        /// <summary>The Last-Will the broker holds for the node (by default "{base}/status" "offline").</summary>
        public LastWill Will
        {
            get { return _supervisor.Will; }
        }

        /// <summary>
        /// Takes the connection's one Last-Will for a convention that needs it (null gives it back). Call from
        /// <see cref="INodePart.UseTopics"/>: the session's next connect carries it.
        /// </summary>
        public void ClaimWill(LastWill will)
        {
            _supervisor.UseWill(will);
        }
    }
}
