using System.Threading;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// The connect thread: one long-lived thread that runs each attempt handed to it, so the Wi-Fi join and
    /// M2Mqtt's blocking CONNECT never hold up the main loop. Started at the first attempt; ends after <see cref="Stop"/>.
    /// </summary>
    public sealed class ThreadConnectRunner : IConnectRunner
    {
        private readonly object _sync = new object();
        private readonly AutoResetEvent _go = new AutoResetEvent(false);
        private Thread _thread;
        private ConnectAttempt _next;
        private bool _stopping;

        public void Begin(ConnectAttempt attempt)
        {
            lock (_sync)
            {
                _next = attempt;
                if (_thread == null)
                {
                    _thread = new Thread(RunAttempts);
                    _thread.Start();
                }
            }

            _go.Set();
        }

        public void Stop()
        {
            lock (_sync)
            {
                _stopping = true;
            }

            _go.Set();
        }

        private void RunAttempts()
        {
            while (true)
            {
                _go.WaitOne();
                ConnectAttempt attempt;
                lock (_sync)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    attempt = _next;
                    _next = null;
                }

                if (attempt != null)
                {
                    attempt.Run();
                }
            }
        }
    }
}
