using System;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A fault test's world: a private mosquitto, a <see cref="FaultProxy"/> in front of it, the simulator connected
    /// through the proxy, and an observer connected to mosquitto directly (so it sees what the broker does, e.g.
    /// the Last-Will, whatever happens on the node's path). Disposing stops all of them.
    /// </summary>
    public sealed class NodeBehindProxy : IDisposable
    {
        private NodeBehindProxy(string[] simulatorArguments)
        {
            try
            {
                Broker = Brokers.Start(Brokers.Mosquitto);
                Proxy = FaultProxy.Start(Broker.Host, Broker.Port);
                string nodeId = "it" + Guid.NewGuid().ToString("N").Substring(0, 8);
                Base = "sensornode/" + nodeId;
                Watcher = Observer.Watch(Broker, Base + "/#");
                Simulator = SimulatorProcess.Start(Proxy.Host, Proxy.Port, nodeId, simulatorArguments);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public IBroker Broker { get; }

        public FaultProxy Proxy { get; }

        public Observer Watcher { get; }

        public SimulatorProcess Simulator { get; }

        public string Base { get; }

        /// <summary>Starts everything and returns once the observer has seen the node online and its first state snapshot.</summary>
        public static NodeBehindProxy Online(params string[] simulatorArguments)
        {
            NodeBehindProxy world = new NodeBehindProxy(simulatorArguments);
            try
            {
                world.Watcher.WaitFor(world.Base + "/status", "online", NodeUnderTest.StartTimeout);
                world.Watcher.WaitFor("a state snapshot", r => r.Topic == world.Base + "/state", NodeUnderTest.StartTimeout);
                return world;
            }
            catch (Exception ex)
            {
                string console = world.Simulator?.Console;
                world.Dispose();
                throw new InvalidOperationException("the node did not come online through the proxy: " + ex.Message + "\nsimulator console:\n" + console, ex);
            }
        }

        public void Dispose()
        {
            Simulator?.Dispose();
            Watcher?.Dispose();
            Proxy?.Dispose();
            Broker?.Dispose();
        }
    }
}
