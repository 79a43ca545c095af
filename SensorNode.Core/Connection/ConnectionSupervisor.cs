using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// Keeps the node on its broker, as one explicit state machine (<see cref="ConnectionState"/>; diagram in
    /// docs/architecture.md):
    /// Waiting → (due, jittered) → Connecting (on the connect thread) → Verifying (probe sent) → Online (probe back),
    /// and from any of them back to Waiting on failure or loss, with full-jitter back-off.
    /// "Connected" is not "reachable": a broker may take the CONNECT and then deny every publish (an ACL). So after
    /// each connect the node publishes a probe to "{base}/probe", which it subscribes to, and counts itself online
    /// only when the probe has come back. With a persistent session, whatever the broker delivers before the probe
    /// was queued while the node was offline (<see cref="AwaitingProbe"/>).
    /// Runs on the main loop; only <see cref="ConnectAttempt.Run"/> runs on the connect thread, and while it does
    /// the link is the attempt's (<see cref="OwnsLink"/> is false).
    /// </summary>
    public sealed class ConnectionSupervisor
    {
        /// <summary>How long the probe may take through the broker and back before the node calls itself unreachable.</summary>
        public const int ProbeTimeoutMs = 10000;

        /// <summary>A connection lost sooner than this after coming online was dropped "right after connect".</summary>
        public const int StableAfterMs = 10000;

        /// <summary>Connections in a row dropped right after connect before the node says so (likely a duplicate client id).</summary>
        public const int FlapsBeforeWarning = 3;

        /// <summary><see cref="LastError"/> of a node without a broker: it makes no attempt (setup mode).</summary>
        public const string NotSetUp = "not set up: no broker yet (setup mode)";

        public static readonly byte[] Online = { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };
        public static readonly byte[] Offline = { (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        private readonly IMqttLink _link;
        private readonly INetwork _network;
        private readonly ILog _log;
        private readonly MessageInbox _inbox;
        private readonly ReconnectBackoff _backoff;
        private IConnectRunner _runner;
        private NodeConfig _config;
        private TopicScheme _topics;
        private LastWill _claimedWill;
        private LastWill _statusWill;
        private string[] _subscriptions;
        private bool _joinNetwork = true;
        private ConnectionState _state = ConnectionState.Waiting;
        private ConnectAttempt _attempt;
        private long _nextAttemptMs;
        private long _offlineSinceMs;
        private long _onlineSinceMs;
        private long _probeDeadlineMs;
        /// <summary>Random bits in each probe: 128, so guessing one within its 10 s is hopeless at any flood rate.</summary>
        public const int ProbeNonceBytes = 16;

        private readonly PayloadBuilder _probe = new PayloadBuilder(48);
        private readonly byte[] _nonce = new byte[ProbeNonceBytes];
        private INonceSource _nonces;
        private bool _probeOut;
        private int _ignoredThisConnection;
        private long _lastHeardMs;
        private long _lastSentMs;
        private bool _sendGapSinceHeard;
        private long _livenessDeadlineMs = -1;
        private int _droppedRightAfterConnect;
        private string _flapping;

        public ConnectionSupervisor(IMqttLink link, INetwork network, ILog log, MessageInbox inbox, IRandom random, INonceSource nonces, IConnectRunner runner)
        {
            _nonces = nonces;
            _link = link;
            _network = network;
            _log = log;
            _inbox = inbox;
            _backoff = new ReconnectBackoff(random);
            _runner = runner;
        }

        public ConnectionState State
        {
            get { return _state; }
        }

        public bool IsOnline
        {
            get { return _state == ConnectionState.Online; }
        }

        /// <summary>True while the main loop may use the link: connected and no attempt running on the connect thread.</summary>
        public bool OwnsLink
        {
            get { return (_state == ConnectionState.Verifying || _state == ConnectionState.Online) && _link.IsConnected; }
        }

        /// <summary>Connected, the probe not yet back: with a persistent session, messages now were queued while the node was offline.</summary>
        public bool AwaitingProbe
        {
            get { return _state == ConnectionState.Verifying; }
        }

        /// <summary>Uptime (ms) at which the node was last not online: 0 at boot, the moment of a loss; -1 while online.</summary>
        public long OfflineSinceMs
        {
            get { return _state == ConnectionState.Online ? -1 : _offlineSinceMs; }
        }

        /// <summary>Why the last attempt failed; null once online.</summary>
        public string LastError { get; private set; }

        /// <summary>Why the last failed connect attempt since boot failed; kept after a later success, null when none failed.</summary>
        public string LastConnectError { get; private set; }

        /// <summary>Connect attempts that failed since the settings last changed (<see cref="Configure"/>).</summary>
        public int FailuresWithTheseSettings { get; private set; }

        /// <summary>Times the node came online since boot (the first one included).</summary>
        public long Connects { get; private set; }

        public void UseRandom(IRandom random)
        {
            _backoff.UseRandom(random);
        }

        /// <summary>Where probe nonces come from: the board's hardware RNG on the device, a cryptographic one on hosts.</summary>
        public void UseNonceSource(INonceSource nonces)
        {
            _nonces = nonces;
        }

        /// <summary>Messages on the probe topic that were not the node's current probe (copies, guesses, floods), since boot.</summary>
        public long ProbesIgnored { get; private set; }

        public void UseRunner(IConnectRunner runner)
        {
            _runner = runner;
        }

        /// <summary>
        /// Settings for the next connect, and the topic filters to subscribe to after each one (the node's parts'
        /// inbound topics; the probe's is added here); the caller closes the connection first when they change.
        /// </summary>
        public void Configure(NodeConfig config, TopicScheme topics, string[] subscriptions, bool rejoinNetwork)
        {
            _config = config;
            _topics = topics;
            _statusWill = new LastWill(topics.Status, "offline", "online");
            _subscriptions = new string[subscriptions.Length + 1];
            subscriptions.CopyTo(_subscriptions, 0);
            _subscriptions[subscriptions.Length] = topics.Probe;
            _joinNetwork = _joinNetwork || rejoinNetwork;
            _backoff.Reset();
            FailuresWithTheseSettings = 0;
            if (!config.IsSetUp)
            {
                LastError = NotSetUp;
            }

            if (_state != ConnectionState.Connecting)
            {
                _state = ConnectionState.Waiting; // new settings are tried at once
            }
        }

        /// <summary>
        /// The Last-Will of the next connects: <paramref name="will"/>, or null for "{base}/status" "offline". Set
        /// before <see cref="Configure"/>, which the caller calls when it changes.
        /// </summary>
        public void UseWill(LastWill will)
        {
            _claimedWill = will;
        }

        /// <summary>The Last-Will the broker holds for the node (from the next connect when just changed).</summary>
        public LastWill Will
        {
            get
            {
                return _claimedWill != null ? _claimedWill : _statusWill;
            }
        }

        /// <summary>At boot: the first attempt within <see cref="ReconnectBackoff.BootWindowMs"/>.</summary>
        public void Start(long nowMs)
        {
            _offlineSinceMs = nowMs;
            _nextAttemptMs = nowMs + _backoff.FirstAttemptDelayMs();
        }

        /// <summary>Starts an attempt when due, collects a finished one, notices a lost connection or a probe that never came back.</summary>
        [SteadyState]
        public ConnectionChange Poll(long nowMs)
        {
            if (_state == ConnectionState.Online)
            {
                if (_link.IsConnected)
                {
                    CheckLiveness(nowMs);
                    return ConnectionChange.None;
                }

                Lost(nowMs, "MQTT connection lost");
            }

            return Advance(nowMs);
        }

        [ColdPath("the node is not online")]
        private ConnectionChange Advance(long nowMs)
        {
            if (_state == ConnectionState.Waiting && nowMs >= _nextAttemptMs && !WaitsForSetup())
            {
                Begin();
            }

            if (_state == ConnectionState.Connecting && _attempt.IsDone)
            {
                return Collect(nowMs);
            }

            if (_state == ConnectionState.Verifying && !_link.IsConnected)
            {
                Lost(nowMs, "MQTT connection lost before the probe came back");
            }

            return ConnectionChange.None;
        }

        /// <summary>The node published (through the supervised link).</summary>
        public void NoteSent(long nowMs)
        {
            if (nowMs - _lastSentMs >= KeepAliveMs())
            {
                _sendGapSinceHeard = true; // the client's own keep-alive pinged in that gap
            }

            _lastSentMs = nowMs;
        }

        /// <summary>The broker delivered something to the node.</summary>
        public void NoteHeard(long nowMs)
        {
            _lastHeardMs = nowMs;
            _sendGapSinceHeard = false;
        }

        /// <summary>
        /// A keep-alive the client libraries cannot give: they ping only after a keep-alive period without sending, so
        /// a node that publishes more often than that is never pinged, and a path that went silent goes unnoticed
        /// while it publishes into the void (the broker has long published the Last-Will). So when the broker has
        /// sent nothing for a keep-alive period while the node kept publishing, the node sends its probe; if it is not
        /// back within half a keep-alive (2 to 10 s) the connection is dead. An idle or sparse node never probes.
        /// </summary>
        private void CheckLiveness(long nowMs)
        {
            if (_livenessDeadlineMs >= 0)
            {
                if (nowMs >= _livenessDeadlineMs)
                {
                    SilentPath(nowMs);
                }

                return;
            }

            long due = LivenessProbeDueAt();
            if (due >= 0 && nowMs >= due)
            {
                _livenessDeadlineMs = nowMs + LivenessTimeoutMs();
                PublishProbe(nowMs);
            }
        }

        [ColdPath("a path that went silent")]
        private void SilentPath(long nowMs)
        {
            _link.Disconnect();
            Lost(nowMs, "the broker did not answer the node's probe within " + LivenessTimeoutMs() + " ms after "
                + KeepAliveMs() / 1000 + " s without a word while the node kept publishing: the path is silent");
        }

        /// <summary>A node without a broker makes no attempt until the setup page gives it one.</summary>
        private bool WaitsForSetup()
        {
            return _config != null && !_config.IsSetUp;
        }

        private long KeepAliveMs()
        {
            return _config == null ? 60000L : _config.KeepAliveSeconds * 1000L;
        }

        private long LivenessTimeoutMs()
        {
            long half = KeepAliveMs() / 2;
            return half < 2000 ? 2000 : half > ProbeTimeoutMs ? ProbeTimeoutMs : half;
        }

        /// <summary>Called once the inbox is drained: a probe still missing after its bound means the broker is not passing the node's messages.</summary>
        public ConnectionChange CheckProbe(long nowMs)
        {
            if (_state != ConnectionState.Verifying || nowMs < _probeDeadlineMs)
            {
                return ConnectionChange.None;
            }

            return ProbeLost(nowMs);
        }

        [ColdPath("a probe lost once per connect at most")]
        private ConnectionChange ProbeLost(long nowMs)
        {
            return Unreachable(nowMs, "connected, but the node's probe on " + _topics.Probe + " did not come back within "
                + (ProbeTimeoutMs / 1000) + " s: the broker does not let the node publish or subscribe there (ACL?); "
                + _ignoredThisConnection + " other probes ignored");
        }

        public bool IsProbeTopic(string topic)
        {
            return _topics != null && topic == _topics.Probe;
        }

        /// <summary>A message on the probe topic: true (and online) when it is the probe this connection sent.</summary>
        public bool OnProbe(byte[] payload, long nowMs)
        {
            if (!IsLastProbe(payload))
            {
                Ignored(payload); // an earlier connection's probe, or someone else's message
                return false;
            }

            _probeOut = false; // each probe counts once: a replay of it is ignored like any other

            if (_state == ConnectionState.Online)
            {
                _livenessDeadlineMs = -1; // the path is alive
                return false;
            }

            return _state == ConnectionState.Verifying && CameOnline(nowMs);
        }

        [ColdPath("once per connect")]
        private bool CameOnline(long nowMs)
        {
            _state = ConnectionState.Online;
            _onlineSinceMs = nowMs;
            _lastHeardMs = nowMs;
            _sendGapSinceHeard = false;
            _livenessDeadlineMs = -1;
            Connects++;
            LastError = null;
            _log.Info("online: " + _topics.Status + " = online, probe back after " + (nowMs - (_probeDeadlineMs - ProbeTimeoutMs)) + " ms");
            return true;
        }

        /// <summary>Once per streak of connections dropped right after connect: what to tell the user; null otherwise.</summary>
        public string TakeFlappingWarning()
        {
            string warning = _flapping;
            _flapping = null;
            return warning;
        }

        /// <summary>Milliseconds until <see cref="Poll"/> or <see cref="CheckProbe"/> has work, or -1 when none is scheduled (connecting).</summary>
        public long MsUntilWork(long nowMs)
        {
            long due;
            if (_state == ConnectionState.Waiting && WaitsForSetup())
            {
                return -1; // setup mode: settings from the setup page arrive through the inbox, which wakes the loop
            }

            if (_state == ConnectionState.Waiting)
            {
                due = _nextAttemptMs;
            }
            else if (_state == ConnectionState.Verifying)
            {
                due = _probeDeadlineMs;
            }
            else if (_state == ConnectionState.Online)
            {
                return MsUntilLivenessCheck(nowMs);
            }
            else
            {
                return -1; // a finished attempt wakes the main loop through the inbox
            }

            return Waits.Until(due, nowMs);
        }

        /// <summary>
        /// When a probe is due: a keep-alive after the broker last said anything, if the node kept sending without a
        /// keep-alive's gap (so its client never pinged) and sent within the last half keep-alive (so the client's
        /// ping is not about to come anyway); -1 when it is not.
        /// </summary>
        private long LivenessProbeDueAt()
        {
            long keepAliveMs = KeepAliveMs();
            long due = _lastHeardMs + keepAliveMs;
            return !_sendGapSinceHeard && _lastSentMs + keepAliveMs / 2 > due ? due : -1;
        }

        /// <summary>While online: milliseconds until the liveness check has work, or -1.</summary>
        private long MsUntilLivenessCheck(long nowMs)
        {
            long due = _livenessDeadlineMs >= 0 ? _livenessDeadlineMs : LivenessProbeDueAt();
            if (due < 0)
            {
                return -1;
            }

            return Waits.Until(due, nowMs);
        }

        /// <summary>Orderly end: "offline" retained, then DISCONNECT (so the broker discards the Last-Will); an attempt still running does this itself.</summary>
        public void Close()
        {
            LeaveBroker();
            _state = ConnectionState.Closed;
            _runner.Stop();
        }

        /// <summary>Closes the connection for new settings; the next attempt starts at once.</summary>
        public void Reopen(long nowMs)
        {
            LeaveBroker();
            if (_state == ConnectionState.Online)
            {
                _offlineSinceMs = nowMs;
            }

            _state = ConnectionState.Waiting;
            _nextAttemptMs = 0;
        }

        /// <summary>"offline" and DISCONNECT, by whoever holds the link: the main loop, or a running attempt once it is done.</summary>
        private void LeaveBroker()
        {
            if (_state == ConnectionState.Connecting)
            {
                if (!_attempt.Abandon() && _attempt.Succeeded)
                {
                    LeaveInOrder(_link, _topics);
                }
            }
            else if (_link.IsConnected)
            {
                LeaveInOrder(_link, _topics);
            }
        }

        internal static void LeaveInOrder(IMqttLink link, TopicScheme topics)
        {
            link.Publish(topics.Status, Offline, Offline.Length, MqttQos.AtLeastOnce, true);
            link.Disconnect();
        }

        private void Begin()
        {
            _state = ConnectionState.Connecting;
            _attempt = new ConnectAttempt(_link, _network, _log, _inbox, _config, _topics, _subscriptions, _joinNetwork, Will);
            _runner.Begin(_attempt);
        }

        private ConnectionChange Collect(long nowMs)
        {
            ConnectAttempt attempt = _attempt;
            _attempt = null;
            if (attempt.JoinedNetwork)
            {
                _joinNetwork = false;
            }

            if (attempt.Succeeded)
            {
                SendProbe(nowMs);
                return ConnectionChange.None;
            }

            if (attempt.Refused)
            {
                return Unreachable(nowMs, attempt.Error);
            }

            Failed(nowMs, attempt.Error);
            return ConnectionChange.None;
        }

        private void SendProbe(long nowMs)
        {
            _state = ConnectionState.Verifying;
            _probeDeadlineMs = nowMs + ProbeTimeoutMs;
            _ignoredThisConnection = 0;
            if (!PublishProbe(nowMs))
            {
                Lost(nowMs, "MQTT connection lost before the probe was sent");
            }
        }

        /// <summary>
        /// "probe " and a fresh nonce from the board's RNG in hex, in a buffer kept for it (no allocation): only the
        /// node can know it, so only its own message coming back through the broker matches; nothing earlier
        /// (copied) or predictable (counter, uptime) is in it.
        /// </summary>
        private bool PublishProbe(long nowMs)
        {
            _nonces.Fill(_nonce);
            _probe.Clear().Append("probe ");
            for (int i = 0; i < _nonce.Length; i++)
            {
                _probe.Append(HexDigit(_nonce[i] >> 4)).Append(HexDigit(_nonce[i] & 15));
            }

            _probeOut = true;
            // QoS 0: the round trip is the proof, a lost probe is a failed one; nothing to acknowledge or queue.
            return _link.Publish(_topics.Probe, _probe.Buffer, _probe.Length, MqttQos.AtMostOnce, false);
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        /// <summary>Exactly the probe still out: same length, same bytes.</summary>
        private bool IsLastProbe(byte[] payload)
        {
            return _probeOut && Bytes.Same(_probe.Buffer, _probe.Length, payload);
        }

        [ColdPath("a message on the probe topic that is not the node's probe")]
        private void Ignored(byte[] payload)
        {
            ProbesIgnored++;
            _ignoredThisConnection++;
            if (_ignoredThisConnection == 1)
            {
                _log.Warn("ignored a message on " + _topics.Probe + " that is not this connection's probe (" + payload.Length
                    + " bytes): an earlier probe, or someone else's; further ones are only counted (probes ignored: diag)");
            }
        }

        private ConnectionChange Unreachable(long nowMs, string reason)
        {
            if (_link.IsConnected)
            {
                _link.Disconnect();
            }

            Failed(nowMs, reason);
            return ConnectionChange.Unreachable;
        }

        [ColdPath("a failed attempt")]
        private void Failed(long nowMs, string reason)
        {
            _state = ConnectionState.Waiting;
            LastError = reason;
            LastConnectError = reason;
            FailuresWithTheseSettings++;
            int delay = _backoff.NextDelayMs();
            _nextAttemptMs = nowMs + delay;
            _log.Warn("connect failed (" + reason + "); next try in " + delay + " ms");
        }

        [ColdPath("the connection dropped")]
        private void Lost(long nowMs, string what)
        {
            bool wasOnline = _state == ConnectionState.Online;
            long heldMs = wasOnline ? nowMs - _onlineSinceMs : 0;
            _state = ConnectionState.Waiting;
            _offlineSinceMs = nowMs;
            LastError = what;
            if (wasOnline && heldMs >= StableAfterMs)
            {
                _backoff.Reset();
                _droppedRightAfterConnect = 0;
            }
            else
            {
                CountDropRightAfterConnect(heldMs);
            }

            int delay = _backoff.NextDelayMs();
            _nextAttemptMs = nowMs + delay;
            _log.Warn(what + " after " + heldMs + " ms online; reconnecting in " + delay + " ms");
        }

        private void CountDropRightAfterConnect(long heldMs)
        {
            _droppedRightAfterConnect++;
            if (_droppedRightAfterConnect == FlapsBeforeWarning)
            {
                _flapping = "the broker dropped the connection " + _droppedRightAfterConnect + " times in a row within "
                    + (StableAfterMs / 1000) + " s of connecting (last after " + heldMs + " ms): is another client connected as "
                    + ConnectAttempt.ClientIdOf(_config) + "? Two nodes with one node id take the connection from each other";
                _log.Warn(_flapping);
            }
        }
    }
}
