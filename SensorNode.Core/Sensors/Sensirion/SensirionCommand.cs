using System.Threading;
using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// A Sensirion command: two bytes written, then (after the chip's execution time) a response of CRC-checked
    /// words read in a transaction of its own. Buffers are made once, so a command in the main loop allocates nothing.
    /// </summary>
    public sealed class SensirionCommand
    {
        private readonly byte[] _command;
        private readonly int _executionMs;

        public SensirionCommand(int code, int responseWords, int executionMs)
        {
            _command = new byte[] { (byte)(code >> 8), (byte)code };
            Response = new byte[responseWords * 3];
            _executionMs = executionMs;
        }

        /// <summary>The last response: (word, CRC) groups.</summary>
        public byte[] Response { get; }

        /// <summary>Sends the command and reads its response; null, or what went wrong (bus, CRC).</summary>
        public string Run(II2cBus bus, int address)
        {
            string error;
            if (!bus.Write(address, _command, out error))
            {
                return error;
            }

            if (Response.Length == 0)
            {
                return null;
            }

            if (_executionMs > 0)
            {
                Thread.Sleep(_executionMs);
            }

            if (!bus.Read(address, Response, out error))
            {
                return error;
            }

            return SensirionCrc.WordsValid(Response, Response.Length / 3) ? null : "CRC mismatch in the chip's answer";
        }

        public int Word(int index)
        {
            return SensirionCrc.Word(Response, index);
        }
    }
}
