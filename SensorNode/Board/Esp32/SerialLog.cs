using System;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Log lines on nanoFramework's console channel, which the debugger shows (Visual Studio's or VS Code's Output
    /// window, ".NET nanoFramework Debug"). Console.WriteLine, not Debug.WriteLine: Release builds compile the latter away.
    /// </summary>
    public sealed class SerialLog : ILog
    {
        private readonly object _sync = new object();

        public void Info(string message)
        {
            Write("[info] ", message);
        }

        public void Warn(string message)
        {
            Write("[warn] ", message);
        }

        public void Error(string message)
        {
            Write("[error] ", message);
        }

        /// <summary>Prefix and message written apart, so a log line builds no string; the lock keeps lines whole.</summary>
        private void Write(string prefix, string message)
        {
            lock (_sync)
            {
                Console.Write(prefix);
                Console.WriteLine(message);
            }
        }
    }
}
