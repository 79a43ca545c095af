using SensorNode.Core.Board;
using SensorNode.Core.Text;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// Keeps the last config the node has connected with in flash. A config is saved only after it proved
    /// itself (see <see cref="ConfigController"/>), so what boots is always something that once worked.
    /// </summary>
    public sealed class ConfigStore
    {
        public const string FileName = "sensornode-config.json";
        /// <summary>The largest config as JSON, as stored.</summary>
        public const int MaxConfigBytes = 2048;
        private readonly ISettingsStore _store;

        public ConfigStore(ISettingsStore store)
        {
            _store = store;
        }

        /// <summary>The store the config is kept in, for the node's other small files (the boot count).</summary>
        public ISettingsStore Settings
        {
            get { return _store; }
        }

        /// <summary>Why the stored config was not used at the last <see cref="LoadOrDefault"/>; null when it was (or none was stored).</summary>
        public string LoadError { get; private set; }

        /// <summary>The stored config merged onto <paramref name="defaults"/>; the defaults when none is stored or it is unusable.</summary>
        public NodeConfig LoadOrDefault(NodeConfig defaults)
        {
            LoadError = null;
            byte[] stored = _store.Load(FileName);
            if (stored == null)
            {
                return defaults;
            }

            NodeConfig loaded;
            string error = ConfigParser.TryMergeStored(defaults, stored, stored.Length, out loaded);
            if (error != null)
            {
                LoadError = "stored config ignored: " + error;
                return defaults;
            }

            return loaded;
        }

        /// <summary>True when <paramref name="config"/> fits the stored form's limit; a config that does not is refused up front.</summary>
        public static bool Fits(NodeConfig config)
        {
            PayloadBuilder json = new PayloadBuilder(MaxConfigBytes);
            ConfigWriter.Write(config, json, false);
            return !json.Overflowed;
        }

        public bool Save(NodeConfig config)
        {
            PayloadBuilder json = new PayloadBuilder(MaxConfigBytes);
            ConfigWriter.Write(config, json, false);
            return !json.Overflowed && _store.Save(FileName, json.ToArray());
        }
    }
}
