namespace SensorNode.Core.Board
{
    /// <summary>Human-readable diagnostics (serial console on the device, stdout on the host).</summary>
    public interface ILog
    {
        void Info(string message);

        void Warn(string message);

        void Error(string message);
    }
}
