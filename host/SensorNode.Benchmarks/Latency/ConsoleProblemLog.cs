using System;
using SensorNode.Core.Board;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>Shows the node's warnings and errors; its routine lines would only slow the loop being measured.</summary>
    public sealed class ConsoleProblemLog : ILog
    {
        public void Info(string message)
        {
        }

        public void Warn(string message)
        {
            Console.Error.WriteLine("node WARN  " + message);
        }

        public void Error(string message)
        {
            Console.Error.WriteLine("node ERROR " + message);
        }
    }
}
