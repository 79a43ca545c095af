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
            : this(node, "node main loop")
        {
        }

        /// <param name="threadName">The loop thread's name (a fleet names each node's).</param>
        public NodeLoop(Node node, string threadName)
        {
            _node = node;
            _thread = new Thread(Run) { IsBackground = true, Name = threadName };
            _thread.Start();
            if (node.Watchdog != null)
            {
                new Thread(node.Watchdog.Run) { IsBackground = true, Name = "main loop watchdog" }.Start();
            }
        }

        /// <summary>False when the loop did not stop within the timeout.</summary>
        public bool Stop()
        {
            BeginStop();
            return WaitStopped(StopTimeout);
        }

        /// <summary>
        /// Asks the loop to stop (seen within Node.MaxIdleMs) without waiting: a fleet asks every node first, so its
        /// nodes stop together instead of one after another.
        /// </summary>
        public void BeginStop()
        {
            _stopping = true;
        }

        /// <summary>Waits up to <paramref name="timeout"/> for the node's orderly stop; false when it did not end in time.</summary>
        public bool WaitStopped(TimeSpan timeout)
        {
            return _thread.Join(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        }

        public static TimeSpan StopBound => StopTimeout;

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
