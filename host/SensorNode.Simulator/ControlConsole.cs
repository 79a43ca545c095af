using System;
using System.IO;
using System.Threading;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;

namespace SensorNode.Simulator
{
    /// <summary>
    /// Commands typed on the simulator's console (or written to its standard input by a test) that act on the
    /// virtual hardware: make a chip fail, heal it. The node itself is only ever driven over MQTT.
    /// </summary>
    public sealed class ControlConsole
    {
        public const string Help = "console commands: fail SENSOR nack|stuck|hang, heal SENSOR, help";
        private readonly VirtualBoard _board;
        private readonly ConsoleLog _log;

        public ControlConsole(VirtualBoard board, ConsoleLog log)
        {
            _board = board;
            _log = log;
        }

        /// <summary>Reads <paramref name="input"/> on a background thread until it ends.</summary>
        public void Start(TextReader input)
        {
            Thread reader = new Thread(() => ReadAll(input)) { IsBackground = true, Name = "console commands" };
            reader.Start();
        }

        public void Execute(string line)
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return;
            }

            switch (words[0].ToLowerInvariant())
            {
                case "fail" when words.Length == 3:
                    SetFault(words[1], ParseFault(words[2]));
                    break;
                case "heal" when words.Length == 2:
                    SetFault(words[1], ChipFault.None);
                    break;
                case "help":
                    _log.Board(Help);
                    break;
                default:
                    _log.Board("unknown command '" + line.Trim() + "'; " + Help);
                    break;
            }
        }

        private void ReadAll(TextReader input)
        {
            try
            {
                string line;
                while ((line = input.ReadLine()) != null)
                {
                    Execute(line);
                }
            }
            catch (IOException)
            {
                // No console (e.g. started in the background): nothing to read.
            }
        }

        private void SetFault(string sensorId, ChipFault? fault)
        {
            IFaultableChip chip = _board.Chip(sensorId);
            if (chip == null)
            {
                _log.Board("no sensor '" + sensorId + "'; sensors: " + string.Join(", ", _board.SensorIds));
                return;
            }

            if (fault == null)
            {
                _log.Board("faults: nack (the chip stops acknowledging), stuck (its measurements stop updating)");
                return;
            }

            chip.Fault = fault.Value;
            _log.Board("chip " + sensorId + " fault: " + fault.Value);
        }

        private static ChipFault? ParseFault(string word)
        {
            switch (word.ToLowerInvariant())
            {
                case "nack": return ChipFault.Nack;
                case "stuck": return ChipFault.StuckMeasurement;
                case "hang": return ChipFault.BusHang;
                default: return null;
            }
        }
    }
}
