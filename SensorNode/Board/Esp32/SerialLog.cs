using System;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Log lines on the console: the serial port (115200 baud) and Visual Studio's Output window. Not Debug.WriteLine,
    /// which a Release build compiles away.
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
