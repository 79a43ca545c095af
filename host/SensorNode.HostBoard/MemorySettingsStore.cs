using System.Collections.Concurrent;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>Settings that last as long as the process: a simulator started without a state folder.</summary>
    public sealed class MemorySettingsStore : ISettingsStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _files = new ConcurrentDictionary<string, byte[]>();

        public byte[] Load(string name) => _files.TryGetValue(name, out byte[] data) ? (byte[])data.Clone() : null;

        public bool Save(string name, byte[] data)
        {
            _files[name] = (byte[])data.Clone();
            return true;
        }
    }
}
