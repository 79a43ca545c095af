using SensorNode.Core.Board;
using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Config.Signing
{
    /// <summary>
    /// Decides whether a "{base}/config/set" may change the node. Without a key every config is taken as before.
    /// With the per-node key provisioned at flash time, a config that changes connection settings (Wi-Fi, broker,
    /// topics) must be signed (<see cref="SignedConfig"/>) with that key and carry a counter above the last one
    /// accepted; the counter is kept in the settings store, so a replay fails after a restart too.
    /// </summary>
    public sealed class ConfigAuthenticator
    {
        public const string CounterFileName = "sensornode-config-counter.txt";

        private readonly byte[] _key;
        private readonly IHmacSha256 _hmac;
        private readonly ISettingsStore _store;
        private long _lastCounter;

        /// <summary>No key: configs are not signed and none is required.</summary>
        public ConfigAuthenticator()
        {
        }

        [ColdPath("once at start")]
        public ConfigAuthenticator(byte[] key, IHmacSha256 hmac, ISettingsStore store)
        {
            _key = key;
            _hmac = hmac;
            _store = store;
            _lastCounter = StoredNumber.Read(store.Load(CounterFileName));
        }

        public bool HasKey
        {
            get { return _key != null; }
        }

        /// <summary>After <see cref="Open"/> of a signed payload: where its signed bytes end (a trailing newline excluded).</summary>
        public int SignedLength { get; private set; }

        /// <summary>The counter of the last signed config accepted (0 before the first).</summary>
        public long LastCounter
        {
            get { return _lastCounter; }
        }

        /// <summary>
        /// Opens a payload: returns null with where its JSON starts and whether it was signed (with its counter), or
        /// why it is refused. A signed payload is refused when its HMAC does not match, its counter is not above the
        /// last accepted one, or the node has no key to check it with.
        /// </summary>
        [ColdPath("configuration changes are rare")]
        public string Open(byte[] payload, int length, out int jsonStart, out bool signed, out long counter)
        {
            jsonStart = 0;
            counter = 0;
            signed = SignedConfig.LooksSigned(payload, length);
            // One trailing newline is not signed: `sign > file` then `mosquitto_pub -f file` sends the one it prints.
            length = SignedConfig.WithoutTrailingNewline(payload, length);
            if (!signed)
            {
                return null;
            }

            byte[] hmac;
            string malformed = SignedConfig.TrySplit(payload, length, out hmac, out counter, out jsonStart);
            SignedLength = length;
            if (malformed != null)
            {
                return malformed;
            }

            if (!HasKey)
            {
                return "the config is signed but this node has no config key to check it";
            }

            int signedStart = SignedConfig.HmacHexLength + 1;
            if (!Bytes.Same(_hmac.Compute(_key, payload, signedStart, length - signedStart), hmac))
            {
                return "the signature does not match this node's key";
            }

            if (counter <= _lastCounter)
            {
                return "counter " + counter + " is not above the last accepted " + _lastCounter + " (a replayed message?)";
            }

            return null;
        }

        /// <summary>
        /// Null when a config may be applied: with a key, a change of connection settings or of which commands the
        /// node accepts (accept_retained_commands, accept_queued_commands) must be signed.
        /// </summary>
        public string Authorize(bool signed, bool changesConnection, bool changesCommandAcceptance)
        {
            if (!HasKey || signed)
            {
                return null;
            }

            if (changesConnection)
            {
                return "connection settings (Wi-Fi, broker, topics) change only with a signed config on this node";
            }

            return changesCommandAcceptance
                ? "accept_retained_commands and accept_queued_commands change only with a signed config on this node"
                : null;
        }

        /// <summary>A signed config was taken: its counter becomes the one to beat, here and in flash.</summary>
        [ColdPath("configuration changes are rare")]
        public void Accepted(long counter)
        {
            _lastCounter = counter;
            _store.Save(CounterFileName, StoredNumber.ToBytes(counter));
        }
    }
}
