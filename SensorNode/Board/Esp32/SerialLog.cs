using System.Diagnostics;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>Log lines to the debugger output (Visual Studio's Output window when attached, the serial port otherwise).</summary>
    public sealed class SerialLog : ILog
    {
        public void Info(string message)
        {
            Debug.WriteLine("[info] " + message);
        }

        public void Warn(string message)
        {
            Debug.WriteLine("[warn] " + message);
        }

        public void Error(string message)
        {
            Debug.WriteLine("[error] " + message);
        }
    }
}
