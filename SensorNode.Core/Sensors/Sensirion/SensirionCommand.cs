using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>
    /// A Sensirion command: two bytes written, then (after the chip's execution time) a response of CRC-checked
    /// words read in a transaction of its own. Buffers are made once, so a command in the main loop allocates nothing.
    /// The drivers use it in two phases, <see cref="Send"/> and, <see cref="ExecutionMs"/> later on another poll,
    /// <see cref="Receive"/>; only the boot's chip search waits in between (<see cref="Run"/>).
    /// </summary>
    public sealed class SensirionCommand
    {
        private readonly byte[] _command;

        public SensirionCommand(int code, int responseWords, int executionMs)
        {
            _command = new byte[] { (byte)(code >> 8), (byte)code };
            Response = new byte[responseWords * 3];
            ExecutionMs = executionMs;
        }

        /// <summary>The last response: (word, CRC) groups.</summary>
        public byte[] Response { get; }

        /// <summary>How long the chip needs between the command and the read of its response (datasheet).</summary>
        public int ExecutionMs { get; }

        /// <summary>Sends the command; null, or what went wrong.</summary>
        [SteadyState]
        public string Send(II2cBus bus, int address)
        {
            string error;
            return bus.Write(address, _command, out error) ? null : error;
        }

        /// <summary>Reads the response of the command sent before (at least <see cref="ExecutionMs"/> ago); null, or what went wrong (bus, CRC).</summary>
        [SteadyState]
        public string Receive(II2cBus bus, int address)
        {
            string error;
            if (!bus.Read(address, Response, out error))
            {
                return error;
            }

            return SensirionCrc.WordsValid(Response, Response.Length / 3) ? null : CrcMismatch();
        }

        /// <summary>
        /// Sends the command and reads its response, waiting the execution time in between: for the chip search at boot
        /// only, before the main loop runs (at most a few ms per address). Drivers use <see cref="Send"/> and
        /// <see cref="Receive"/> instead. Null, or what went wrong (bus, CRC).
        /// </summary>
        [ColdPath("the boot's chip search: it runs before the main loop")]
        public string Run(II2cBus bus, int address)
        {
            string error = Send(bus, address);
            if (error != null || Response.Length == 0)
            {
                return error;
            }

            if (ExecutionMs > 0)
            {
                Thread.Sleep(ExecutionMs);
            }

            return Receive(bus, address);
        }

        public int Word(int index)
        {
            return SensirionCrc.Word(Response, index);
        }

        private static string CrcMismatch()
        {
            return "CRC mismatch in the chip's answer";
        }
    }
}
