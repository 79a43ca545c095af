using System;
using System.Collections;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Config.Signing;
using SensorNode.Core.Connection;
using SensorNode.Core.Diagnostics;
using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Text;

namespace SensorNode.Core
{
    /// <summary>
    /// The whole node behind the board interfaces: a broker session, its settings (the configuration part, the one
    /// part the node makes: the session is configured by it) and a loop over the parts the composition root adds
    /// with <see cref="AddPart"/>, made with <see cref="Context"/> after the sensors and outputs. The board's Program
    /// composes it and runs:
    /// <code>
    /// node.AddSensor(...); node.AddOutput(...);
    /// node.AddPart(new ActuatorController(node.Context)); ...
    /// node.Start();
    /// while (running) { node.WaitForWork(node.Poll()); }
    /// node.Stop();
    /// </code>
    /// Everything runs on the caller's thread, except what may block on the network: connect attempts run on the
    /// connect thread (<see cref="ConnectionSupervisor"/>), and the link's receive thread only fills <see cref="Inbox"/>. Every
    /// inbound message passes the same checks here (retained rule, size limit) before the part whose topic it is
    /// sees it; topic changes reach every part through <see cref="UseTopics"/>.
    /// </summary>
    public sealed class Node : INodeConnection, ICommandSink
    {
        /// <summary>Longest sleep between polls, so a lost connection is noticed even without an event.</summary>
        public const int MaxIdleMs = 1000;

        private readonly SupervisedLink _link;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IBoardHealth _health;
        private readonly ConfigStore _store;
        private readonly ArrayList _sensors = new ArrayList();
        private readonly ArrayList _actuators = new ArrayList();
        private readonly ArrayList _addedParts = new ArrayList();
        private readonly ConnectionSupervisor _supervisor;
        private readonly RedeliveryFilter _carried = new RedeliveryFilter();
        private readonly ConfigController _config;
        private readonly EventPublisher _events;
        private readonly EntityRegistry _entities = new EntityRegistry();
        private INodePart[] _parts;
        private Actuator[] _actuatorArray;
        private TelemetryPublisher _telemetry;
        private TopicScheme _topics;
        private bool _started;
        private MainLoopWatchdog _watchdog;

        /// <param name="health">What the board knows of its own health, for the diagnostics on "{base}/diag".</param>
        public Node(NodeConfig config, ConfigStore store, IMqttLink link, INetwork network, IBoardHealth health, IClock clock, ILog log)
        {
            if (health == null)
            {
                throw new System.ArgumentNullException("health");
            }

            // The board profile's first-boot settings pass the same rules as a config from the config topic.
            string invalid = ConfigParser.ValidateBoot(config);
            if (invalid != null)
            {
                throw new System.ArgumentException("settings: " + invalid);
            }

            _link = new SupervisedLink(link, clock);
            _health = health;
            _store = store;
            _clock = clock;
            _log = log;
            _topics = new TopicScheme(config.TopicPrefix, config.NodeId);
            _events = new EventPublisher(_link, log, _topics);
            _config = new ConfigController(config, store, _events, _link);
            _config.UseConnection(this);
            Inbox = new MessageInbox(MessageInbox.DefaultCapacity);
            link.SetListener(Inbox);
            _supervisor = new ConnectionSupervisor(link, network, log, Inbox, new SystemRandom(Seed(config.NodeId, clock.UptimeMs)), new RuntimeNonceSource(), new ThreadConnectRunner());
            _link.Supervise(_supervisor);
            Boots = BootCounter.CountBoot(store.Settings);
            Context = new NodeContext(this, _link, _config, _events, _entities, store.Settings, clock, log, _supervisor, health, _sensors, _actuators);
        }

        /// <summary>What a part added by the composition root is made with (<see cref="AddPart"/>).</summary>
        public NodeContext Context { get; }

        /// <summary>Every entity the parts declared; complete after <see cref="Start"/>.</summary>
        public EntityRegistry Entities
        {
            get { return _entities; }
        }

        public MessageInbox Inbox { get; }

        public TopicScheme Topics
        {
            get { return _topics; }
        }

        public NodeConfig Config
        {
            get { return _config.Current; }
        }

        public bool IsOnline
        {
            get { return _supervisor.IsOnline; }
        }

        public int FailedAttempts
        {
            get { return _supervisor.FailuresWithTheseSettings; }
        }

        /// <summary>The connection's state machine, for diagnostics and tests.</summary>
        public ConnectionState ConnectionState
        {
            get { return _supervisor.State; }
        }

        public long OfflineSinceMs
        {
            get { return _supervisor.OfflineSinceMs; }
        }

        /// <summary>The telemetry part the composition root added (the web page shows its readings); null without one.</summary>
        public TelemetryPublisher Telemetry
        {
            get { return _telemetry; }
        }

        /// <summary>The outputs, in the order they were added; null before <see cref="Start"/>.</summary>
        public Actuator[] Actuators
        {
            get { return _actuatorArray; }
        }

        public IBoardHealth Health
        {
            get { return _health; }
        }

        /// <summary>Uptime in ms, from the board's clock.</summary>
        public long UptimeMs
        {
            get { return _clock.UptimeMs; }
        }

        /// <summary>Setup mode: the node has no broker yet, makes no connect attempt and waits for settings (<see cref="Submit"/>).</summary>
        public bool InSetupMode
        {
            get { return !_config.Current.IsSetUp; }
        }

        /// <summary>New connection settings are being tried (they are kept once online, else the previous ones return).</summary>
        public bool ConfigOnTrial
        {
            get { return _config.TrialRunning; }
        }

        /// <summary>Why the last config trial was reverted; null when none was or a later one was kept.</summary>
        public string LastConfigRevert
        {
            get { return _config.LastRevert; }
        }

        /// <summary>
        /// Hands a message to the node as if it had arrived on <paramref name="topic"/> from the broker (not retained):
        /// the web console's commands and settings take the same path, checks and events as MQTT's. Any thread.
        /// </summary>
        public void Submit(string topic, byte[] payload)
        {
            Inbox.OnMessage(topic, payload, false, false);
        }

        /// <summary>Boots counted in the settings store, this one included (counted when the node is made, at boot).</summary>
        public long Boots { get; private set; }

        /// <summary>The diagnostics part the composition root added; null without one.</summary>
        public DiagnosticsPart Diagnostics { get; private set; }

        /// <summary>Why the last connect attempt failed; null after a success.</summary>
        public string LastError
        {
            get { return _supervisor.LastError; }
        }

        public void AddSensor(ISensor sensor)
        {
            RequireNoPartsYet();
            _sensors.Add(sensor);
        }

        /// <summary>Adds an output that starts off and is switched off when the node stops.</summary>
        public Actuator AddActuator(string id, IDigitalOutput output, bool initiallyOn)
        {
            return AddActuator(id, output, initiallyOn, false);
        }

        /// <summary>Adds an output with its boot state and the safe state it is left in when the node stops.</summary>
        public Actuator AddActuator(string id, IDigitalOutput output, bool initiallyOn, bool safeOn)
        {
            RequireNoPartsYet();
            RequireValidId(id);
            Actuator actuator = new Actuator(id, output, initiallyOn, safeOn);
            _actuators.Add(actuator);
            return actuator;
        }

        /// <summary>Adds a dimmer (a level from 0 to 100 %) with its boot level and the level it is left at when the node stops.</summary>
        public Actuator AddDimmer(string id, ILevelOutput output, int initialLevel, int safeLevel)
        {
            RequireNoPartsYet();
            RequireValidId(id);
            Actuator actuator = new Actuator(id, output, initialLevel, safeLevel);
            _actuators.Add(actuator);
            return actuator;
        }

        /// <summary>
        /// An output as the board describes it (<see cref="OutputSpec"/>: kind, boot and safe value, failsafes), its
        /// hardware made by the composition root's <paramref name="outputs"/> for what its kind drives.
        /// </summary>
        public Actuator AddOutput(OutputSpec spec, IOutputFactory outputs)
        {
            RequireNoPartsYet();
            RequireValidId(spec.Id);
            Actuator actuator = new Actuator(spec.Id, spec.Kind, spec.Kind.Open(spec, outputs), spec.InitialLevel, spec.SafeLevel);
            actuator.UseFailsafe(spec.MaxOnSeconds, spec.OfflineSafeSeconds);
            _actuators.Add(actuator);
            return actuator;
        }

        /// <summary>
        /// Provisions the node's config key (from the board profile or a file deployed with the firmware; never
        /// published or logged): from now on connection settings change only with a config signed with it.
        /// </summary>
        public void RequireSignedConfig(byte[] key, IHmacSha256 hmac)
        {
            RequireNotStarted();
            if (key == null || hmac == null)
            {
                throw new System.ArgumentNullException(key == null ? "key" : "hmac");
            }

            _config.UseAuthenticator(new ConfigAuthenticator(key, hmac, _store.Settings));
        }

        /// <summary>The randomness that spreads reconnects (full-jitter back-off); a fixed one makes a bench or test repeatable.</summary>
        public void UseRandom(IRandom random)
        {
            RequireNotStarted();
            _supervisor.UseRandom(random);
        }

        /// <summary>
        /// Where the reachability probe's nonces come from. By default the runtime's <c>System.Random</c>, which on the
        /// ESP32 is the chip's hardware RNG (<see cref="RuntimeNonceSource"/>); hosts, whose runtime's is not, pass a
        /// cryptographic one.
        /// </summary>
        public void UseNonceSource(INonceSource nonces)
        {
            RequireNotStarted();
            _supervisor.UseNonceSource(nonces);
        }

        /// <summary>
        /// Where connect attempts run; by default the connect thread (<see cref="ThreadConnectRunner"/>). Unit tests
        /// run them inline; a host may use background threads, so a pending connect never keeps its process alive.
        /// </summary>
        public void UseConnectRunner(IConnectRunner runner)
        {
            RequireNotStarted();
            _supervisor.UseRunner(runner);
        }

        /// <summary>
        /// Restarts the board through <paramref name="restart"/> when the main loop stalls for <paramref name="boundMs"/>;
        /// the board runs <see cref="Watchdog"/>'s Run on a thread of its own.
        /// </summary>
        public MainLoopWatchdog UseWatchdog(IBoardRestart restart, int boundMs)
        {
            RequireNotStarted();
            _watchdog = new MainLoopWatchdog(_clock, restart, _log, boundMs);
            return _watchdog;
        }

        /// <summary>The watchdog set with <see cref="UseWatchdog"/>, or null.</summary>
        public MainLoopWatchdog Watchdog
        {
            get { return _watchdog; }
        }

        /// <summary>
        /// Adds a part, made with <see cref="Context"/> after the sensors and outputs; parts run after the node's
        /// settings, in the order added: SensorNode's own topics (actuators, telemetry, diagnostics), then protocol
        /// adapters (Home Assistant, Homie) and features (identify).
        /// </summary>
        public void AddPart(INodePart part)
        {
            RequireNotStarted();
            _addedParts.Add(part);
            // The web page and the tests read these two through the node.
            if (part is TelemetryPublisher)
            {
                _telemetry = (TelemetryPublisher)part;
            }
            else if (part is DiagnosticsPart)
            {
                Diagnostics = (DiagnosticsPart)part;
            }
        }

        public void Start()
        {
            RequireNotStarted();
            _started = true;
            Actuator[] actuators = new Actuator[_actuators.Count];
            _actuators.CopyTo(actuators, 0);
            _actuatorArray = actuators;
            _parts = new INodePart[1 + _addedParts.Count];
            _parts[0] = _config;
            _addedParts.CopyTo(_parts, 1);

            // In the order the parts were added: the order adapters list them in.
            for (int i = 0; i < _parts.Length; i++)
            {
                IEntitySource source = _parts[i] as IEntitySource;
                if (source != null)
                {
                    source.DeclareEntities(_entities);
                }
            }

            UseTopics(_config.Current, true);
            _supervisor.Start(_clock.UptimeMs);
            _log.Info("node " + _config.Current.NodeId + " started: " + _sensors.Count + " sensor(s), " + _actuators.Count + " actuator(s), base topic " + _topics.Base + ", boot " + Boots);
        }

        /// <summary>Does all work that is due and returns how long the caller may sleep (ms).</summary>
        [SteadyState]
        public int Poll()
        {
            long now = _clock.UptimeMs;
            if (_watchdog != null)
            {
                _watchdog.Pet(now);
            }

            Inbox.TakeConnectionLost(); // the supervisor checks the link itself; the flag only woke us up
            ConnectionChange change = _supervisor.Poll(now);
            DrainInbox();
            if (change == ConnectionChange.Unreachable || _supervisor.CheckProbe(_clock.UptimeMs) == ConnectionChange.Unreachable)
            {
                _config.OnUnreachable(_supervisor.LastError);
            }

            for (int i = 0; i < _parts.Length; i++)
            {
                try
                {
                    _parts[i].Poll(now);
                }
                catch (OutOfMemoryException)
                {
                    // A full heap fails this turn's work of one part, not the main loop (Program's loop would end).
                    NoMemoryForPart();
                }
            }

            return MsUntilWork(_clock.UptimeMs);
        }

        /// <summary>Sleeps until a message arrives or <paramref name="timeoutMs"/> passes.</summary>
        [SteadyState]
        public void WaitForWork(int timeoutMs)
        {
            if (timeoutMs > 0)
            {
                Inbox.WaitForMessage(timeoutMs);
            }
        }

        /// <summary>Orderly shutdown: every part's stop (outputs to their safe state, reported), "offline" retained, disconnect.</summary>
        public void Stop()
        {
            _log.Info("stopping: outputs to safe state, publishing offline");
            if (_watchdog != null)
            {
                _watchdog.Stop();
            }

            if (_parts != null)
            {
                for (int i = 0; i < _parts.Length; i++)
                {
                    _parts[i].OnStop();
                }
            }

            _supervisor.Close();
        }

        /// <summary>Leaves the broker in order (old status "offline") and reconnects with other settings.</summary>
        public void Reconnect(NodeConfig config, bool rejoinNetwork)
        {
            _supervisor.Reopen(_clock.UptimeMs);
            UseTopics(config, rejoinNetwork);
        }

        [ColdPath("runs once per connect")]
        private void OnConnected(long now)
        {
            for (int i = 0; i < _parts.Length; i++)
            {
                _parts[i].OnConnected(now);
            }

            string flapping = _supervisor.TakeFlappingWarning();
            if (flapping != null)
            {
                _events.Error(EventTypes.ConnectionFlapping, null, flapping);
            }

            ReportDroppedMessages();
        }

        private void DrainInbox()
        {
            if (_supervisor.State == ConnectionState.Connecting)
            {
                return; // what the broker sends at subscribe waits until the attempt is done and the link is the main loop's
            }

            string topic;
            byte[] payload;
            bool retained;
            bool duplicate;
            while (Inbox.TryTake(out topic, out payload, out retained, out duplicate))
            {
                long now = _clock.UptimeMs;
                _supervisor.NoteHeard(now);
                if (_supervisor.IsProbeTopic(topic))
                {
                    if (_supervisor.OnProbe(payload, now))
                    {
                        OnConnected(now);
                    }

                    continue;
                }

                // With a persistent session the broker delivers what it queued while the node was away before the
                // node's own probe: such a message is old news.
                bool queued = !retained && _supervisor.AwaitingProbe && !_config.Current.CleanSession;
                Route(topic, payload, retained, queued, duplicate, now);
            }

            if (Inbox.HasDropped)
            {
                ReportDroppedMessages();
            }
        }

        /// <summary>To the first part with an inbound topic matching <paramref name="topic"/>, past the checks every message gets.</summary>
        private void Route(string topic, byte[] payload, bool retained, bool queued, bool duplicate, long now)
        {
            for (int p = 0; p < _parts.Length; p++)
            {
                InboundTopic[] inbound = _parts[p].Inbound;
                for (int i = 0; i < inbound.Length; i++)
                {
                    if (!TopicFilter.Matches(inbound[i].Filter, topic))
                    {
                        continue;
                    }

                    if (payload.Length == 0)
                    {
                        // How a retained message is deleted (mosquitto_pub -r -n): nothing to do, nothing wrong.
                    }
                    else if (retained && !inbound[i].RetainedIsNews && !_config.Current.AcceptRetainedCommands)
                    {
                        IgnoreRetained(topic, inbound[i]);
                    }
                    else if (queued && !inbound[i].RetainedIsNews && !_config.Current.AcceptQueuedCommands)
                    {
                        IgnoreQueued(topic, inbound[i]);
                    }
                    else if (duplicate && !inbound[i].RetainedIsNews && _carried.IsRedelivery(topic, payload))
                    {
                        IgnoreRedelivered(topic, inbound[i]);
                    }
                    else if (payload.Length > inbound[i].MaxPayloadBytes)
                    {
                        RejectOversized(topic, payload.Length, inbound[i]);
                    }
                    else if (Utf8.FirstInvalidByte(payload, 0, payload.Length) >= 0)
                    {
                        RejectNotUtf8(topic, payload, inbound[i]);
                    }
                    else
                    {
                        if (!inbound[i].RetainedIsNews)
                        {
                            _carried.Carried(topic, payload);
                        }

                        try
                        {
                            _parts[p].OnMessage(i, topic, payload, now);
                        }
                        catch (OutOfMemoryException)
                        {
                            // A full heap fails this message, not the main loop (found on the virtual ESP32 at 96 KB).
                            RejectForMemory(topic, payload.Length, inbound[i]);
                        }
                    }

                    return;
                }
            }

            RejectUnrouted(topic);
        }

        /// <summary>A retained message is one left on the broker, maybe long ago: by default it must not act at (re)connect.</summary>
        [ColdPath("retained messages arrive once per subscribe")]
        private void IgnoreRetained(string topic, InboundTopic inbound)
        {
            _events.Info(EventTypes.CommandIgnored, topic, "retained " + inbound.What + " ignored (accept_retained_commands is off)");
        }

        [ColdPath("queued commands arrive once per reconnect with a persistent session")]
        private void IgnoreQueued(string topic, InboundTopic inbound)
        {
            _events.Info(EventTypes.CommandIgnored, topic, inbound.What + " queued by the broker while the node was offline ignored (accept_queued_commands is off)");
        }

        [ColdPath("a redelivery follows a lost acknowledgement")]
        private void IgnoreRedelivered(string topic, InboundTopic inbound)
        {
            _events.Info(EventTypes.CommandIgnored, topic, "redelivered (DUP) copy of a " + inbound.What + " already carried out ignored");
        }

        [ColdPath("only a heap too small for the node runs out")]
        private void RejectForMemory(string topic, int length, InboundTopic inbound)
        {
            _events.Error(inbound.RejectedEventType, topic, "no memory left to handle this " + length + "-byte " + inbound.What + "; send it again");
        }

        [ColdPath("only a heap too small for the node runs out")]
        private void NoMemoryForPart()
        {
            _log.Warn("no memory left for a part's work this turn; it is tried again at the next");
        }

        [ColdPath("an oversized payload is a mistake or abuse")]
        private void RejectOversized(string topic, int length, InboundTopic inbound)
        {
            _events.Error(inbound.RejectedEventType, topic, "payload of " + length + " bytes exceeds the " + inbound.MaxPayloadBytes + "-byte limit");
        }

        [ColdPath("a payload that is not text is a mistake or abuse")]
        private void RejectNotUtf8(string topic, byte[] payload, InboundTopic inbound)
        {
            _events.Error(inbound.RejectedEventType, topic, "payload is not valid UTF-8 (byte " + Utf8.FirstInvalidByte(payload, 0, payload.Length) + ")");
        }

        [ColdPath("the node subscribes only to its parts' topics")]
        private void RejectUnrouted(string topic)
        {
            _events.Error(EventTypes.CommandRejected, topic, "no handler for this topic");
        }

        [ColdPath("only a flood of messages fills the inbox")]
        private void ReportDroppedMessages()
        {
            int dropped = Inbox.TakeDroppedCount();
            if (dropped > 0)
            {
                _events.Error(EventTypes.MessagesDropped, null, dropped + " message(s) dropped: the inbox was full");
            }
        }

        /// <summary>The one path by which topics change: events, every part, then the session's subscriptions.</summary>
        private void UseTopics(NodeConfig config, bool rejoinNetwork)
        {
            _topics = new TopicScheme(config.TopicPrefix, config.NodeId);
            _events.UseTopics(_topics);
            ArrayList filters = new ArrayList();
            for (int i = 0; i < _parts.Length; i++)
            {
                _parts[i].UseTopics(_topics);
                InboundTopic[] inbound = _parts[i].Inbound;
                for (int j = 0; j < inbound.Length; j++)
                {
                    filters.Add(inbound[j].Filter);
                }
            }

            string[] subscriptions = new string[filters.Count];
            filters.CopyTo(subscriptions, 0);
            _supervisor.Configure(config, _topics, subscriptions, rejoinNetwork);
        }

        private int MsUntilWork(long now)
        {
            long wait = Waits.Sooner(MaxIdleMs, _supervisor.MsUntilWork(now));
            for (int i = 0; i < _parts.Length; i++)
            {
                wait = Waits.Sooner(wait, _parts[i].MsUntilWork(now));
            }

            return (int)wait;
        }

        /// <summary>Differs per node and per boot, so a fleet booted together draws different reconnect delays.</summary>
        private static int Seed(string nodeId, long uptimeMs)
        {
            int seed = (int)uptimeMs;
            for (int i = 0; i < nodeId.Length; i++)
            {
                seed = seed * 31 + nodeId[i];
            }

            return seed;
        }

        private static void RequireValidId(string id)
        {
            if (!TopicScheme.IsValidSegment(id))
            {
                throw new System.ArgumentException("actuator id must be one topic level: " + id);
            }
        }

        /// <summary>Parts take the sensors and outputs when they are made (<see cref="NodeContext.Sensors"/>): these come first.</summary>
        private void RequireNoPartsYet()
        {
            RequireNotStarted();
            if (_addedParts.Count > 0)
            {
                throw new System.InvalidOperationException("add sensors and outputs before the parts, which take them when they are made");
            }
        }

        private void RequireNotStarted()
        {
            if (_started)
            {
                throw new System.InvalidOperationException("the node is already started");
            }
        }
    }
}
