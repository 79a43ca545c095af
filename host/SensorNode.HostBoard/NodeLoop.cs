using System;
using System.Threading;
using SensorNode.Core;

namespace SensorNode.HostBoard
{
    /// <summary>
    /// Runs a node's main loop on its own thread, as the device's Program does: poll, then sleep until a message
    /// arrives or work is due. <see cref="Dispose"/> ends the loop and stops the node in order on that thread. The
    /// node's watchdog, if it has one, watches the loop from a thread of its own.
    /// </summary>
    public sealed class NodeLoop : IDisposable
    {
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
        private readonly Node _node;
        private readonly Thread _thread;
        private volatile bool _stopping;

        public NodeLoop(Node node)
        {
            _node = node;
            _thread = new Thread(Run) { IsBackground = true, Name = "node main loop" };
            _thread.Start();
            if (node.Watchdog != null)
            {
                new Thread(node.Watchdog.Run) { IsBackground = true, Name = "main loop watchdog" }.Start();
            }
        }

        /// <summary>False when the loop did not stop within the timeout.</summary>
        public bool Stop()
        {
            _stopping = true; // seen within Node.MaxIdleMs
            return _thread.Join(StopTimeout);
        }

        public void Dispose()
        {
            if (!Stop())
            {
                Console.Error.WriteLine("the node's main loop did not stop in time");
            }
        }

        private void Run()
        {
            while (!_stopping)
            {
                _node.WaitForWork(_node.Poll());
            }

            _node.Stop();
        }
    }
}
