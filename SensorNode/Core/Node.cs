using System.Collections;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core
{
    /// <summary>
    /// The whole node behind the board interfaces. The board's Program composes it and runs:
    /// <code>
    /// node.Start();
    /// while (running) { node.WaitForWork(node.Poll()); }
    /// node.Stop();
    /// </code>
    /// Everything runs on the caller's thread; the link's receive thread only fills <see cref="Inbox"/>.
    /// </summary>
    public sealed class Node
    {
        /// <summary>Longest sleep between polls, so a lost connection is noticed even without an event.</summary>
        public const int MaxIdleMs = 1000;

        private readonly IMqttLink _link;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly ArrayList _sensors = new ArrayList();
        private readonly ArrayList _actuators = new ArrayList();
        private readonly MqttSession _session;
        private readonly ConfigController _config;
        private readonly EventPublisher _events;
        private ActuatorController _actuatorController;
        private TelemetryPublisher _telemetry;
        private TopicScheme _topics;
        private long _nextTelemetryMs;
        private bool _started;

        public Node(NodeConfig config, ConfigStore store, IMqttLink link, INetwork network, IClock clock, ILog log)
        {
            _link = link;
            _clock = clock;
            _log = log;
            _topics = new TopicScheme(config.TopicPrefix, config.NodeId);
            _events = new EventPublisher(link, log, _topics);
            _config = new ConfigController(config, store, _events);
            _session = new MqttSession(link, network, log);
            Inbox = new MessageInbox(MessageInbox.DefaultCapacity);
            link.SetListener(Inbox);
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
            get { return _session.IsConnected; }
        }

        public TelemetryPublisher Telemetry
        {
            get { return _telemetry; }
        }

        public void AddSensor(ISensor sensor)
        {
            RequireNotStarted();
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
            RequireNotStarted();
            if (!TopicScheme.IsValidSegment(id))
            {
                throw new System.ArgumentException("actuator id must be one topic level: " + id);
            }

            Actuator actuator = new Actuator(id, output, initiallyOn, safeOn);
            _actuators.Add(actuator);
            return actuator;
        }

        public void Start()
        {
            RequireNotStarted();
            _started = true;
            _actuatorController = new ActuatorController(_actuators, _link, _events, _log);
            _telemetry = new TelemetryPublisher(_link, _clock, _events, _sensors, _actuators);
            ApplyConnectionConfig(_config.Current, true);
            _log.Info("node " + _config.Current.NodeId + " started: " + _sensors.Count + " sensor(s), " + _actuators.Count + " actuator(s), base topic " + _topics.Base);
        }

        /// <summary>Does all work that is due and returns how long the caller may sleep (ms).</summary>
        [SteadyState]
        public int Poll()
        {
            long now = _clock.UptimeMs;
            Inbox.TakeConnectionLost(); // the session checks the link itself; the flag only woke us up

            if (_session.Poll(now))
            {
                OnConnected();
            }

            NodeConfig onTrial = _config.Current;
            NodeConfig reverted = _config.PollTrial(now, _session.LastError);
            if (reverted != null)
            {
                RevertTrial(reverted, onTrial);
            }

            DrainInbox(now);
            _actuatorController.Poll(now);

            if (_session.IsConnected && now >= _nextTelemetryMs)
            {
                RunTelemetryCycle(now);
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

        /// <summary>Orderly shutdown: outputs to their safe state (reported), "offline" retained, then disconnect.</summary>
        public void Stop()
        {
            _log.Info("stopping: outputs to safe state, publishing offline");
            if (_actuatorController != null)
            {
                _actuatorController.GoSafe();
            }

            _session.Close();
        }

        [ColdPath("runs once per connect")]
        private void OnConnected()
        {
            _config.OnConnected();
            PublishConfig();
            _actuatorController.PublishAllStates();
            ReportDroppedMessages();
            _nextTelemetryMs = 0; // fresh readings right after every connect
        }

        private void PublishConfig()
        {
            Text.PayloadBuilder config = _config.PublishedForm();
            _link.Publish(_topics.Config, config.Buffer, config.Length, MqttQos.AtLeastOnce, true);
        }

        private void RunTelemetryCycle(long now)
        {
            _telemetry.RunCycle();
            _nextTelemetryMs = now + _config.Current.PublishIntervalSeconds * 1000L;
        }

        private void DrainInbox(long now)
        {
            string topic;
            byte[] payload;
            bool retained;
            while (Inbox.TryTake(out topic, out payload, out retained))
            {
                Dispatch(topic, payload, retained, now);
            }

            if (Inbox.HasDropped)
            {
                ReportDroppedMessages();
            }
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

        private void Dispatch(string topic, byte[] payload, bool retained, long now)
        {
            int actuator = _actuatorController.IndexOfSetTopic(topic);
            if (actuator >= 0)
            {
                _actuatorController.HandleCommand(actuator, topic, payload, retained, now);
                return;
            }

            DispatchRare(topic, payload, retained, now);
        }

        /// <summary>Everything but a command to a known actuator: configuration, unknown actuators, stray topics.</summary>
        [ColdPath("configuration and misaddressed messages are rare")]
        private void DispatchRare(string topic, byte[] payload, bool retained, long now)
        {
            string unknownActuator = _topics.ActuatorIdFromSetTopic(topic);
            if (unknownActuator != null)
            {
                _actuatorController.HandleUnknownActuator(topic, unknownActuator, retained);
                return;
            }

            if (topic == _topics.ConfigSet)
            {
                NodeConfig before = _config.Current;
                NodeConfig switchTo = _config.HandleConfigSet(topic, payload, retained, now);
                if (switchTo != null)
                {
                    SwitchConnection(switchTo, switchTo.WifiDiffers(before));
                }
                else if (_config.Current != before)
                {
                    _actuatorController.AcceptRetainedCommands = _config.Current.AcceptRetainedCommands;
                    PublishConfig();
                }

                return;
            }

            _events.Error(EventTypes.CommandRejected, topic, "no handler for this topic");
        }

        [ColdPath("a config trial ran out")]
        private void RevertTrial(NodeConfig reverted, NodeConfig onTrial)
        {
            _log.Warn("config trial failed; reverting to the previous settings");
            SwitchConnection(reverted, reverted.WifiDiffers(onTrial));
        }

        /// <summary>Leaves the broker in order (old status "offline") and reconnects with other settings.</summary>
        private void SwitchConnection(NodeConfig config, bool rejoinNetwork)
        {
            _session.Close();
            ApplyConnectionConfig(config, rejoinNetwork);
        }

        private void ApplyConnectionConfig(NodeConfig config, bool rejoinNetwork)
        {
            _topics = new TopicScheme(config.TopicPrefix, config.NodeId);
            _events.UseTopics(_topics);
            _actuatorController.UseTopics(_topics);
            _actuatorController.AcceptRetainedCommands = config.AcceptRetainedCommands;
            _telemetry.UseTopics(_topics);
            _session.Configure(config, _topics, rejoinNetwork);
        }

        private int MsUntilWork(long now)
        {
            long wait = MaxIdleMs;
            wait = Sooner(wait, _session.MsUntilNextAttempt(now));
            wait = Sooner(wait, _actuatorController.MsUntilNextPulseEnds(now));
            wait = Sooner(wait, _config.MsUntilTrialEnds(now));
            if (_session.IsConnected)
            {
                wait = Sooner(wait, _nextTelemetryMs - now < 0 ? 0 : _nextTelemetryMs - now);
            }

            return (int)wait;
        }

        private static long Sooner(long current, long candidate)
        {
            return candidate >= 0 && candidate < current ? candidate : current;
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
