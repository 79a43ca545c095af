using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>Nothing stored, saves accepted and dropped: every run starts from the defaults.</summary>
    public sealed class NoSettingsStore : ISettingsStore
    {
        public byte[] Load(string name) => null;

        public bool Save(string name, byte[] data) => true;
    }
}
