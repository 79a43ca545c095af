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
        private readonly byte[] _keyTag;
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
            _keyTag = KeyTag(key, hmac);
            _lastCounter = ReadCounter(store.Load(CounterFileName), _keyTag);
        }

        /// <summary>
        /// The counter file is "&lt;key tag&gt; &lt;counter&gt;": the tag (16 hex digits of an HMAC of a fixed text,
        /// which tells nothing of the key) names the key the counter belongs to, so a new key starts a new counter
        /// (messages signed with the old key fail its signature anyway). A file of a plain number, from before the
        /// tag, keeps its counter.
        /// </summary>
        private static long ReadCounter(byte[] stored, byte[] keyTag)
        {
            if (stored == null || stored.Length <= keyTag.Length || stored[keyTag.Length] != (byte)' ')
            {
                return StoredNumber.Read(stored);
            }

            for (int i = 0; i < keyTag.Length; i++)
            {
                if (stored[i] != keyTag[i])
                {
                    return 0; // another key's counter
                }
            }

            byte[] number = new byte[stored.Length - keyTag.Length - 1];
            System.Array.Copy(stored, keyTag.Length + 1, number, 0, number.Length);
            return StoredNumber.Read(number);
        }

        private static byte[] KeyTag(byte[] key, IHmacSha256 hmac)
        {
            byte[] label = Utf8.GetBytes("sensornode config counter");
            byte[] digest = hmac.Compute(key, label, 0, label.Length);
            PayloadBuilder tag = new PayloadBuilder(16);
            for (int i = 0; i < 8; i++)
            {
                tag.Append(HexChar(digest[i] >> 4)).Append(HexChar(digest[i] & 15));
            }

            return tag.ToArray();
        }

        private static char HexChar(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
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
        public string Open(byte[] payload, int length, string nodeId, out int jsonStart, out bool signed, out long counter)
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
            byte[] bound = SignedConfig.BoundToNode(nodeId, payload, signedStart, length - signedStart);
            if (!Bytes.Same(_hmac.Compute(_key, bound, 0, bound.Length), hmac))
            {
                return "the signature does not match this node's key and id (signed with another key, for another node, or changed)";
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
            byte[] number = StoredNumber.ToBytes(counter);
            byte[] stored = new byte[_keyTag.Length + 1 + number.Length];
            System.Array.Copy(_keyTag, stored, _keyTag.Length);
            stored[_keyTag.Length] = (byte)' ';
            System.Array.Copy(number, 0, stored, _keyTag.Length + 1, number.Length);
            _store.Save(CounterFileName, stored);
        }
    }
}
