using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.CommandLine;
using SensorNode.HostBoard;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.Simulator
{
    /// <summary>
    /// Composition root of the simulator, the host twin of the device's Program: command line (<see cref="SimulatorCommand"/>,
    /// or its sign command) → options → broker → one node, or a fleet of them (each a <see cref="SimulatedNode"/>:
    /// virtual board → the portable core → main loop), until Ctrl+C or SIGTERM, then an orderly stop of every node
    /// ("offline" published).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            SimulatorCommand command = new SimulatorCommand(Simulate);
            return CommandLineProgram.Run(command, args, (parsed, errors) =>
                parsed.CommandResult.Command is SignCommand ? SignCommand.Refuse(errors) : SimulatorCommand.Refuse(errors));
        }

        private static int Simulate(SimulatorOptions options)
        {
            ConsoleLog log = new ConsoleLog();
            EmbeddedBroker broker = null;
            if (options.UsesEmbeddedBroker)
            {
                try
                {
                    broker = EmbeddedBroker.Start(options.EmbeddedPort);
                }
                catch (SocketException ex)
                {
                    Console.Error.WriteLine("cannot start the embedded broker on localhost:" + options.EmbeddedPort + ": " + ex.Message);
                    Console.Error.WriteLine("Is another broker running there? Use it with --broker localhost:" + options.EmbeddedPort + ", or pick another --port.");
                    return 1;
                }

                log.Board("embedded MQTT broker (" + broker.Name + ") on localhost:" + broker.Port + "; watch it: mosquitto_sub -h localhost -p " + broker.Port + " -t '" + options.Prefix + "/#' -v");
            }

            try
            {
                return Run(options, broker, log);
            }
            finally
            {
                broker?.Dispose();
            }
        }

        private static int Run(SimulatorOptions options, EmbeddedBroker broker, ConsoleLog log)
        {
            string[] ids = FleetIds.Derive(options.NodeId ?? HostIdentity.NodeIdFromMac(), options.Nodes);
            bool single = ids.Length == 1;
            if (!single)
            {
                log.Fleet(ids.Length + " nodes, " + ids[0] + " … " + ids[^1] + (options.NoJitter ? ", no jitter" : "")
                    + "; shown: warnings and errors of each node, and how many are online");
            }

            List<SimulatedNode> nodes = new List<SimulatedNode>(ids.Length);
            using Fleet fleet = new Fleet(nodes, log);
            for (int i = 0; i < ids.Length; i++)
            {
                string state = options.StateDirectory == null ? null : single ? options.StateDirectory : Path.Combine(options.StateDirectory, ids[i]);
                ConsoleLog nodeLog = single ? log : new ConsoleLog("[" + ids[i] + "] ", true);
                nodes.Add(new SimulatedNode(options, broker, ids[i], i, state, nodeLog, single));
            }

            fleet.Start();

            using ManualResetEventSlim stopRequested = new ManualResetEventSlim(false);
            Action<PosixSignalContext> requestStop = context =>
            {
                context.Cancel = true; // stop in order below instead of dying here
                stopRequested.Set();
            };
            using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, requestStop);
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, requestStop);

            if (single)
            {
                new ControlConsole(nodes[0].Board, log).Start(Console.In);
                log.Board(ControlConsole.Help + "; Ctrl+C stops the node");
            }
            else
            {
                log.Fleet("Ctrl+C stops every node in order");
            }

            stopRequested.Wait();
            bool stopped = fleet.Stop();
            log.Board(stopped ? "stopped" : "the main loop did not stop in time");
            return stopped ? 0 : 1;
        }
    }
}
