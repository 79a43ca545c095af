namespace SensorNode.Core.Board
{
    /// <summary>Restarts the whole node (ESP32: a reboot); used by the watchdog when the main loop has stalled.</summary>
    public interface IBoardRestart
    {
        void Restart(string reason);
    }
}
