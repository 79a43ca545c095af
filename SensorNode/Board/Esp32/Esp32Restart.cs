using nanoFramework.Runtime.Native;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>The watchdog's restart on the ESP32: a full reboot (Runtime.Native's Power.RebootDevice).</summary>
    public sealed class Esp32Restart : IBoardRestart
    {
        private readonly ILog _log;

        public Esp32Restart(ILog log)
        {
            _log = log;
        }

        public void Restart(string reason)
        {
            _log.Error("rebooting: " + reason);
            Power.RebootDevice();
        }
    }
}
