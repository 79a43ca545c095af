namespace SensorNode.Core.Board
{
    /// <summary>
    /// The I2C bus as the core's chip search, probes and own drivers use it: whole-array transfers whose failure
    /// is reported with a reason, never thrown. The board adapter owns the real bus (nanoFramework's I2cDevice on
    /// the ESP32, virtual chips in the simulator).
    /// </summary>
    public interface II2cBus
    {
        /// <summary>Writes <paramref name="write"/>, then reads <paramref name="read"/> full (repeated start).</summary>
        bool WriteRead(int address, byte[] write, byte[] read, out string error);

        bool Write(int address, byte[] write, out string error);

        bool Read(int address, byte[] read, out string error);
    }
}
