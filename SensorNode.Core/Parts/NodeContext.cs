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
    /// events, entities and clock. A part takes what it needs in its constructor, so the root composes with one line:
    /// <c>node.AddPart(new HomieAdapter(node.Context));</c>
    /// </summary>
    public sealed class NodeContext
    {
        private readonly ConnectionSupervisor _supervisor;

        internal NodeContext(IMqttLink link, INodeConnection connection, ICommandSink commands, ConfigController config, EventPublisher events, EntityRegistry entities, ISettingsStore settings, IClock clock, ILog log, ConnectionSupervisor supervisor)
        {
            Link = link;
            Connection = connection;
            Commands = commands;
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
