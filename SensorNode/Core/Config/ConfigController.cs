using SensorNode.Core.Events;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Text;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// Takes new settings from "{base}/config/set" without ever bricking the node:
    /// invalid JSON or values are rejected whole; settings that need a new connection (Wi-Fi, broker, topics)
    /// are tried first and saved only once the node is back on the broker with them; if it cannot get there
    /// within <see cref="TrialMs"/>, it returns to the previous settings and says why.
    /// </summary>
    public sealed class ConfigController
    {
        public const int MaxConfigBytes = 1024;

        /// <summary>How long new connection settings get to prove themselves before the node reverts.</summary>
        public const int TrialMs = 90000;

        private readonly ConfigStore _store;
        private readonly EventPublisher _events;
        private readonly PayloadBuilder _published = new PayloadBuilder(MaxConfigBytes);
        private NodeConfig _previous;
        private long _trialEndsAtMs;
        private string _revertReason;

        public ConfigController(NodeConfig config, ConfigStore store, EventPublisher events)
        {
            Current = config;
            _store = store;
            _events = events;
        }

        public NodeConfig Current { get; private set; }

        public bool TrialRunning
        {
            get { return _previous != null; }
        }

        /// <summary>
        /// Handles a "/config/set" payload. Returns the config the node must switch its connection to, or null
        /// when the connection stays as it is.
        /// </summary>
        [ColdPath("configuration changes are rare")]
        public NodeConfig HandleConfigSet(string topic, byte[] payload, bool retained, long nowMs)
        {
            if (retained && !Current.AcceptRetainedCommands)
            {
                _events.Info(EventTypes.CommandIgnored, topic, "retained config ignored (accept_retained_commands is off)");
                return null;
            }

            if (payload.Length > MaxConfigBytes)
            {
                _events.Error(EventTypes.ConfigRejected, topic, "payload of " + payload.Length + " bytes exceeds the " + MaxConfigBytes + "-byte limit");
                return null;
            }

            if (TrialRunning)
            {
                _events.Error(EventTypes.ConfigRejected, topic, "a previous config is still being tried; send again once it is applied or reverted");
                return null;
            }

            NodeConfig candidate;
            string error = ConfigParser.TryMerge(Current, payload, payload.Length, out candidate);
            if (error != null)
            {
                _events.Error(EventTypes.ConfigRejected, topic, error + "; nothing changed");
                return null;
            }

            if (!Current.ConnectionDiffers(candidate))
            {
                Current = candidate;
                Persist();
                _events.Info(EventTypes.ConfigApplied, topic, "applied");
                return null;
            }

            _previous = Current;
            Current = candidate;
            _trialEndsAtMs = nowMs + TrialMs;
            _events.Info(EventTypes.ConfigTrial, topic, "reconnecting with the new settings; they are kept once the node is back online, else reverted after " + (TrialMs / 1000) + " s");
            return candidate;
        }

        /// <summary>Called after every successful connect: a config on trial has now proved itself.</summary>
        [ColdPath("runs once per connect")]
        public void OnConnected()
        {
            if (_previous != null)
            {
                _previous = null;
                Persist();
                _events.Info(EventTypes.ConfigApplied, null, "new settings kept: the node is online with them");
            }
            else if (_revertReason != null)
            {
                _events.Error(EventTypes.ConfigReverted, null, _revertReason);
                _revertReason = null;
            }
        }

        /// <summary>
        /// When a trial has run out, returns the previous config to reconnect with; otherwise null.
        /// </summary>
        public NodeConfig PollTrial(long nowMs, string lastConnectError)
        {
            if (_previous == null || nowMs < _trialEndsAtMs)
            {
                return null;
            }

            return EndTrial(lastConnectError);
        }

        [ColdPath("a config trial ran out")]
        private NodeConfig EndTrial(string lastConnectError)
        {
            _revertReason = "could not get online with the new settings within " + (TrialMs / 1000) + " s ("
                + (lastConnectError ?? "no reason given") + "); previous settings restored";
            Current = _previous;
            _previous = null;
            return Current;
        }

        public long MsUntilTrialEnds(long nowMs)
        {
            if (_previous == null)
            {
                return -1;
            }

            long wait = _trialEndsAtMs - nowMs;
            return wait < 0 ? 0 : wait;
        }

        /// <summary>The retained "{base}/config" payload: the active settings with secrets masked.</summary>
        public PayloadBuilder PublishedForm()
        {
            _published.Clear();
            ConfigWriter.Write(Current, _published, true);
            return _published;
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
