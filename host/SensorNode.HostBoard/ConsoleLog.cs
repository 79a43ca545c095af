using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>The node's log on the console, one time-stamped line each, like the device's serial log.</summary>
    public sealed class ConsoleLog : ILog
    {
        private static readonly object Gate = new object();

        public void Info(string message) => Write("info ", message);

        public void Warn(string message) => Write("warn ", message);

        public void Error(string message) => Write("error", message);

        /// <summary>A line from the virtual board itself (outputs, chips, broker), in the same format.</summary>
        public void Board(string message) => Write("board", message);

        private static void Write(string level, string message)
        {
            lock (Gate)
            {
                Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff") + " " + level + " " + ConsoleText.Escape(message));
            }
        }
    }
}
