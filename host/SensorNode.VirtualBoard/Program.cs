using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SensorNode.CommandLine;
using SensorNode.HostBoard;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The board server as its own process, as host/VirtualEsp32/run.sh starts it beside the device: listens, says
    /// where, prints the pins' changes, and takes protocol requests typed on its console.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return CommandLineProgram.Run(new BoardCommand(Serve), args, (parsed, errors) => BoardCommand.Refuse(errors));
        }

        private static int Serve(BoardOptions options)
        {
            ConsoleLog log = new ConsoleLog();
            VirtualEsp32Board board;
            try
            {
                board = new VirtualEsp32Board(options.Chips, options.Seed ?? Environment.TickCount & int.MaxValue, options.Listen, log.Board);
            }
            catch (ArgumentException ex)
            {
                return BoardCommand.Refuse(new[] { "--chips: " + ex.Message });
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                Console.Error.WriteLine("cannot listen on " + options.Listen + ": " + ex.Message);
                return 1;
            }

            using (board)
            {
                log.Board("virtual ESP32 board listening on " + board.Address + " (VESP32_BOARD); " + board.Describe());
                if (options.AddressFile != null)
                {
                    WriteAtomically(options.AddressFile, board.Address + "\n");
                }

                new Thread(() => ServeConsole(board.Protocol, log)) { IsBackground = true, Name = "console" }.Start();
                WaitForParent(options.ExitWith, log);
            }

            return 0;
        }

        /// <summary>Console lines are protocol requests; without a console (stdin at its end) the board just keeps serving.</summary>
        private static void ServeConsole(BoardProtocol protocol, ConsoleLog log)
        {
            BoardSession console = new BoardSession("console");
            string line;
            while ((line = Console.ReadLine()) != null)
            {
                if (line.Trim().Length > 0)
                {
                    log.Board(line.Trim() + ": " + protocol.Handle(line, console));
                }
            }
        }

        /// <summary>Returns when the process <paramref name="parent"/> has ended; without one, never (the board runs until killed).</summary>
        private static void WaitForParent(int? parent, ConsoleLog log)
        {
            if (parent == null)
            {
                Thread.Sleep(Timeout.Infinite);
            }

            while (IsRunning(parent.Value))
            {
                Thread.Sleep(250);
            }

            log.Board("process " + parent + " (--exit-with) ended: the board stops");
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using Process process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false; // no such process
            }
            catch (InvalidOperationException)
            {
                return false; // it ended while we looked
            }
        }

        /// <summary>A reader polling for the file sees nothing or the whole address, never half of it.</summary>
        private static void WriteAtomically(string path, string text)
        {
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
    }
}
