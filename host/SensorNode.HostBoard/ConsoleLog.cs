using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>The node's log on the console, one time-stamped line each, like the device's serial log.</summary>
    public sealed class ConsoleLog : ILog
    {
        private static readonly object Gate = new object();
        private readonly string _prefix;
        private readonly bool _warningsOnly;

        public ConsoleLog()
            : this(null, false)
        {
        }

        /// <param name="prefix">Put before every message (a fleet's node id, e.g. "[sim-a1b2c3-007] "); null for none.</param>
        /// <param name="warningsOnly">Only warnings and errors: a fleet of hundreds of nodes would drown a console in
        /// every node's info and board lines.</param>
        public ConsoleLog(string prefix, bool warningsOnly)
        {
            _prefix = prefix ?? "";
            _warningsOnly = warningsOnly;
        }

        public void Info(string message)
        {
            if (!_warningsOnly)
            {
                Write("info ", message);
            }
        }

        public void Warn(string message) => Write("warn ", message);

        public void Error(string message) => Write("error", message);

        /// <summary>A line from the virtual board itself (outputs, chips, broker), in the same format.</summary>
        public void Board(string message)
        {
            if (!_warningsOnly)
            {
                Write("board", message);
            }
        }

        /// <summary>A line about the simulator as a whole (a fleet's summary), shown whatever the node lines are.</summary>
        public void Fleet(string message) => Write("fleet", message);

        private void Write(string level, string message)
        {
            lock (Gate)
            {
                Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff") + " " + level + " " + _prefix + ConsoleText.Escape(message));
            }
        }
    }
}
