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
        public void Info(string message)
        {
            Console.WriteLine("[info] " + message);
        }

        public void Warn(string message)
        {
            Console.WriteLine("[warn] " + message);
        }

        public void Error(string message)
        {
            Console.WriteLine("[error] " + message);
        }
    }
}
