using SensorNode.Core.Config.Signing;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;
using SensorNode.Core.Text;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// The configuration part: takes new settings from "{base}/config/set" without ever bricking the node and
    /// keeps the active settings retained on "{base}/config". Invalid JSON or values are rejected whole; settings
    /// that need a new connection (Wi-Fi, broker, topics) are tried first and saved only once the node is back on
    /// the broker with them and reachable (its probe came back through the broker); if it cannot get there within
    /// <see cref="TrialMs"/>, or gets connected but not reachable, it returns to the previous settings and says why.
    /// </summary>
    public sealed class ConfigController : INodePart
    {
        public const int MaxConfigBytes = 1024;

        /// <summary>How long new connection settings get to prove themselves before the node reverts.</summary>
        public const int TrialMs = 90000;

        /// <summary>
        /// Failed attempts after which settings from setup mode are given up: a node that is not set up loses nothing
        /// by returning to setup at once, and the user at the setup page learns why within seconds, not 90.
        /// </summary>
        public const int SetupTrialAttempts = 3;

        private readonly ConfigStore _store;
        private readonly EventPublisher _events;
        private readonly IMqttLink _link;
        // Room for the stored form plus the masks: "***" for a one- or two-character secret is longer than it.
        private readonly PayloadBuilder _published = new PayloadBuilder(ConfigStore.MaxConfigBytes + 8);
        private INodeConnection _connection;
        private TopicScheme _topics;
        private InboundTopic[] _inbound;
        private NodeConfig _previous;
        private long _trialEndsAtMs;
        private string _revertReason;
        private ConfigAuthenticator _authenticator = new ConfigAuthenticator();

        public ConfigController(NodeConfig config, ConfigStore store, EventPublisher events, IMqttLink link)
        {
            Current = config;
            _store = store;
            _events = events;
            _link = link;
        }

        public NodeConfig Current { get; private set; }

        public bool TrialRunning
        {
            get { return _previous != null; }
        }

        /// <summary>Why the last trial went back to the previous settings; null after a trial that was kept, or before any.</summary>
        public string LastRevert { get; private set; }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        /// <summary>Who may change what: by default anyone who can publish; with a key, connection changes need a signature.</summary>
        public void UseAuthenticator(ConfigAuthenticator authenticator)
        {
            _authenticator = authenticator;
        }

        /// <summary>The connection a config trial reconnects; set once by the node.</summary>
        public void UseConnection(INodeConnection connection)
        {
            _connection = connection;
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            // Room for the signed form too: the JSON's limit is the same signed or not (checked in OnMessage).
            _inbound = new InboundTopic[] { new InboundTopic(topics.ConfigSet, MaxConfigBytes + SignedConfig.MaxOverheadBytes, EventTypes.ConfigRejected, "config") };
        }

        /// <summary>
        /// A "/config/set" payload: rejected, applied at once, or (when it changes the connection) tried by
        /// reconnecting with it.
        /// </summary>
        [ColdPath("configuration changes are rare")]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            if (TrialRunning)
            {
                _events.Error(EventTypes.ConfigRejected, topic, "a previous config is still being tried; send again once it is applied or reverted");
                return;
            }

            int jsonStart;
            bool signed;
            long counter;
            string refused = _authenticator.Open(payload, payload.Length, Current.NodeId, out jsonStart, out signed, out counter);
            if (refused != null)
            {
                _events.Error(EventTypes.ConfigRejected, topic, refused + "; nothing changed");
                return;
            }

            int jsonLength = jsonStart > 0 ? _authenticator.SignedLength - jsonStart : payload.Length;
            if (jsonLength > MaxConfigBytes)
            {
                _events.Error(EventTypes.ConfigRejected, topic, "the settings' JSON of " + jsonLength + " bytes exceeds the " + MaxConfigBytes + "-byte limit; nothing changed");
                return;
            }

            byte[] json = payload;
            if (jsonStart > 0)
            {
                json = new byte[jsonLength];
                System.Array.Copy(payload, jsonStart, json, 0, json.Length);
            }

            NodeConfig candidate;
            string error = ConfigParser.TryMerge(Current, json, json.Length, out candidate);
            if (error == null)
            {
                error = _authenticator.Authorize(signed, Current.ConnectionDiffers(candidate), Current.CommandAcceptanceDiffers(candidate));
            }

            if (error != null)
            {
                _events.Error(EventTypes.ConfigRejected, topic, error + "; nothing changed");
                return;
            }

            if (SameSettings(Current, candidate))
            {
                if (signed)
                {
                    _authenticator.Accepted(counter); // spent all the same: the same message never applies twice
                }

                // Not a change: no new config_version, nothing written to flash, nothing republished.
                _events.Info(EventTypes.ConfigApplied, topic, "unchanged: the settings are already these");
                return;
            }

            candidate.ConfigVersion = Current.ConfigVersion + 1; // a trial that is reverted takes its count with it
            if (!ConfigStore.Fits(candidate))
            {
                // Stored or published cut short, it would be corrupt JSON: refused whole instead.
                _events.Error(EventTypes.ConfigRejected, topic, "the settings would take more than " + ConfigStore.MaxConfigBytes + " bytes as JSON; nothing changed");
                return;
            }

            if (signed)
            {
                _authenticator.Accepted(counter); // spent even if a trial reverts: the same message never applies twice
            }

            if (!Current.ConnectionDiffers(candidate))
            {
                Current = candidate;
                Persist();
                _events.Info(EventTypes.ConfigApplied, topic, "applied");
                PublishCurrent();
                return;
            }

            NodeConfig before = Current;
            _previous = Current;
            Current = candidate;
            LastRevert = null;
            _trialEndsAtMs = nowMs + TrialMs;
            _events.Info(EventTypes.ConfigTrial, topic, "reconnecting with the new settings; they are kept once the node is back online, else reverted after " + (TrialMs / 1000) + " s");
            _connection.Reconnect(candidate, candidate.WifiDiffers(before));
        }

        /// <summary>After every connect: a config on trial has now proved itself; the active settings are republished.</summary>
        [ColdPath("runs once per connect")]
        public void OnConnected(long nowMs)
        {
            if (_previous != null)
            {
                _previous = null;
                LastRevert = null;
                Persist();
                _events.Info(EventTypes.ConfigApplied, null, "new settings kept: the node is online with them");
            }
            else if (_revertReason != null)
            {
                _events.Error(EventTypes.ConfigReverted, null, _revertReason);
                _revertReason = null;
            }

            PublishCurrent();
        }

        /// <summary>True when two configs would be stored as the same JSON (secrets included): nothing would change.</summary>
        private static bool SameSettings(NodeConfig a, NodeConfig b)
        {
            PayloadBuilder first = new PayloadBuilder(ConfigStore.MaxConfigBytes);
            PayloadBuilder second = new PayloadBuilder(ConfigStore.MaxConfigBytes);
            ConfigWriter.Write(a, first, false);
            ConfigWriter.Write(b, second, false);
            return first.Length == second.Length && Bytes.SamePrefix(first.Buffer, second.Buffer, first.Length);
        }

        /// <summary>Ends a trial that has run out by reconnecting with the previous settings.</summary>
        public void Poll(long nowMs)
        {
            if (_previous != null && (nowMs >= _trialEndsAtMs || SetupTrialFailed()))
            {
                TrialRanOut(nowMs);
            }
        }

        private bool SetupTrialFailed()
        {
            return !_previous.IsSetUp && _connection.FailedAttempts >= SetupTrialAttempts;
        }

        [ColdPath("a config trial ran out")]
        private void TrialRanOut(long nowMs)
        {
            string tried = nowMs >= _trialEndsAtMs ? "within " + (TrialMs / 1000) + " s" : "in " + SetupTrialAttempts + " attempts";
            EndTrial("could not get online with the new settings " + tried + " (" + (_connection.LastError ?? "no reason given") + ")");
        }

        /// <summary>
        /// The broker took the connection but not the node's messages: settings on trial have failed for good (a
        /// broker's ACL does not change by waiting), so the previous ones return at once.
        /// </summary>
        [ColdPath("a connection that is not reachable")]
        public void OnUnreachable(string reason)
        {
            if (_previous != null)
            {
                EndTrial("the node connected with the new settings but was not reachable: " + reason);
            }
        }

        public long MsUntilWork(long nowMs)
        {
            if (_previous == null)
            {
                return -1;
            }

            return Waits.Until(_trialEndsAtMs, nowMs);
        }

        public void OnStop()
        {
        }

        /// <summary>The retained "{base}/config" payload: the active settings with secrets masked.</summary>
        public PayloadBuilder PublishedForm()
        {
            _published.Clear();
            ConfigWriter.Write(Current, _published, true);
            return _published;
        }

        [ColdPath("a config trial failed")]
        private void EndTrial(string why)
        {
            NodeConfig onTrial = Current;
            LastRevert = why + "; previous settings restored";
            if (_previous.IsSetUp)
            {
                _revertReason = LastRevert; // published once the node is back online with the previous settings
            }
            else
            {
                _events.Error(EventTypes.ConfigReverted, null, why + "; back in setup mode"); // logged: no broker to publish to
            }

            Current = _previous;
            _previous = null;
            _connection.Reconnect(Current, Current.WifiDiffers(onTrial));
        }

        private void PublishCurrent()
        {
            PayloadBuilder published = PublishedForm();
            _link.Publish(_topics.Config, published.Buffer, published.Length, MqttQos.AtLeastOnce, true);
        }

        private void Persist()
        {
            if (!_store.Save(Current))
            {
                _events.Error(EventTypes.ConfigStorageError, null, "settings are active but could not be saved to flash; they are lost at reboot");
            }
        }
    }
}
