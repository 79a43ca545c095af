using System;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// One contract test's world: a fresh broker, the simulator connected to it, and an observer subscribed to the
    /// node's whole topic tree from before the node starts. Disposing stops all three.
    /// </summary>
    public sealed class NodeUnderTest : IDisposable
    {
        public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private readonly string _brokerName;

        private NodeUnderTest(string brokerName, string[] simulatorArguments, Action<IBroker, string> beforeStart)
        {
            _brokerName = brokerName;
            Broker = Brokers.Start(brokerName);
            try
            {
                string nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
                Watcher = Observer.Watch(Broker, "sensornode/" + nodeId + "/#");
                beforeStart?.Invoke(Broker, "sensornode/" + nodeId);
                Simulator = SimulatorProcess.Start(Broker, nodeId, simulatorArguments);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public IBroker Broker { get; private set; }

        public Observer Watcher { get; private set; }

        public SimulatorProcess Simulator { get; }

        public string Base => Simulator.Base;

        /// <summary>
        /// Starts the node and returns once it has published its first state snapshot (with "--by-exception", which
        /// has no snapshot by default: its first reading).
        /// </summary>
        public static NodeUnderTest Online(string brokerName, params string[] simulatorArguments)
        {
            return Online(brokerName, null, simulatorArguments);
        }

        /// <param name="beforeStart">Runs against the broker and the base topic before the node starts.</param>
        public static NodeUnderTest Online(string brokerName, Action<IBroker, string> beforeStart, params string[] simulatorArguments)
        {
            NodeUnderTest world = new NodeUnderTest(brokerName, simulatorArguments, beforeStart);
            try
            {
                world.Watcher.WaitFor(world.Base + "/status", "online", StartTimeout);
                if (Array.IndexOf(simulatorArguments, "--by-exception") >= 0)
                {
                    world.Watcher.WaitFor("a reading", r => r.Topic.StartsWith(world.Base + "/sensor/"), StartTimeout);
                }
                else
                {
                    world.Watcher.WaitFor("a state snapshot", r => r.Topic == world.Base + "/state", StartTimeout);
                }
                return world;
            }
            catch (Exception ex)
            {
                string console = world.Simulator?.Console;
                world.Dispose();
                throw new InvalidOperationException("the node did not come online: " + ex.Message + "\nsimulator console:\n" + console, ex);
            }
        }

        /// <summary>
        /// Runs <paramref name="steps"/>; a wait in them that times out fails with the node's console added, which
        /// says why a node went silent (on the virtual ESP32, an exception or a crash of nanoCLR).
        /// </summary>
        public void ShowingConsole(Action steps)
        {
            try
            {
                steps();
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + "\nthe node's console:\n" + Simulator.Console, ex);
            }
        }

        /// <summary>Waits for the next state snapshot after message index <paramref name="after"/>.</summary>
        public Received NextState(int after)
        {
            return Watcher.WaitFor("a state snapshot", r => r.Topic == Base + "/state", Timeout, after);
        }

        /// <summary>
        /// Stops the broker (its retained messages and the node's session are gone with it), starts a fresh one on the
        /// same port after <paramref name="down"/>, and subscribes a new watcher.
        /// </summary>
        public void RestartBroker(TimeSpan down)
        {
            int port = Broker.Port;
            Watcher.Dispose();
            Broker.Dispose();
            Watcher = null;
            Broker = null;
            System.Threading.Thread.Sleep(down);
            Broker = Brokers.Start(_brokerName, port);
            Watcher = Observer.Watch(Broker, Base + "/#");
        }

        public void Dispose()
        {
            Simulator?.Dispose();
            Watcher?.Dispose();
            Broker?.Dispose();
        }
    }
}
