using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Fakes
{
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
