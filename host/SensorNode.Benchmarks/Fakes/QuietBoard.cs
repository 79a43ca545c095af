using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>Nothing stored, saves accepted and dropped: every run starts from the defaults.</summary>
    public sealed class NoSettingsStore : ISettingsStore
    {
        public byte[] Load(string name) => null;

        public bool Save(string name, byte[] data) => true;
    }

    /// <summary>Discards log lines, so console output neither allocates in the figures nor adds to the latency.</summary>
    public sealed class SilentLog : ILog
    {
        public void Info(string message)
        {
        }

        public void Warn(string message)
        {
        }

        public void Error(string message)
        {
        }
    }
}
