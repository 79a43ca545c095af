using System.Threading;
using SensorNode.Core.Connection;

namespace SensorNode.HostBoard.Connection
{
    /// <summary>
    /// The host's connect thread: each attempt on a background thread, so a CONNECT still hanging when the process
    /// ends (Ctrl+C against a broker that never answers) does not keep it alive. The device uses the core's
    /// <see cref="ThreadConnectRunner"/>; nanoFramework threads have no background flag. Attempts never overlap on
    /// the link: one begun while an abandoned one still runs waits for it.
    /// </summary>
    public sealed class BackgroundConnectRunner : IConnectRunner
    {
        private readonly object _sync = new object();
        private ConnectAttempt _previous;

        public void Begin(ConnectAttempt attempt)
        {
            ConnectAttempt previous;
            lock (_sync)
            {
                previous = _previous;
                _previous = attempt;
            }

            Thread thread = new Thread(() =>
            {
                while (previous != null && !previous.IsDone)
                {
                    Thread.Sleep(10);
                }

                attempt.Run();
            })
            { IsBackground = true, Name = "connect" };
            thread.Start();
        }

        public void Stop()
        {
        }
    }
}
