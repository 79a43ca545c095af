using System.Threading;
using SensorNode.Core.Board;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// Restarts the node when its main loop stalls (a hung driver, a deadlock): the loop pets it on every turn, and
    /// <see cref="Run"/>, on a thread of its own, restarts the board once no pet came for <see cref="BoundMs"/>.
    /// The network cannot trip it: connecting runs on the connect thread, not the main loop.
    /// </summary>
    public sealed class MainLoopWatchdog
    {
        /// <summary>The main loop turns at least every second (Node.MaxIdleMs); a minute without a turn is a stall.</summary>
        public const int DefaultBoundMs = 60000;

        private readonly object _sync = new object();
        private readonly AutoResetEvent _stop = new AutoResetEvent(false);
        private readonly IClock _clock;
        private readonly IBoardRestart _restart;
        private readonly ILog _log;
        private long _lastPetMs;
        private bool _stopped;

        public MainLoopWatchdog(IClock clock, IBoardRestart restart, ILog log, int boundMs)
        {
            if (boundMs < 1000)
            {
                throw new System.ArgumentOutOfRangeException("boundMs", "at least 1000 ms");
            }

            _clock = clock;
            _restart = restart;
            _log = log;
            BoundMs = boundMs;
            _lastPetMs = clock.UptimeMs;
        }

        public int BoundMs { get; }

        /// <summary>The main loop is alive (a long is not written atomically on the ESP32's 32-bit core, hence the lock).</summary>
        public void Pet(long nowMs)
        {
            lock (_sync)
            {
                _lastPetMs = nowMs;
            }
        }

        /// <summary>Milliseconds since the main loop last turned.</summary>
        public long SilentForMs(long nowMs)
        {
            lock (_sync)
            {
                return nowMs - _lastPetMs;
            }
        }

        /// <summary>Checks once: restarts the board when the loop has been silent beyond the bound; true if it did.</summary>
        public bool Check(long nowMs)
        {
            long silent = SilentForMs(nowMs);
            if (silent < BoundMs)
            {
                return false;
            }

            _log.Error("watchdog: the main loop has not turned for " + silent + " ms (bound " + BoundMs + " ms); restarting");
            _restart.Restart("main loop stalled for " + silent + " ms");
            return true;
        }

        /// <summary>The watchdog thread's body: checks every quarter bound until <see cref="Stop"/>.</summary>
        public void Run()
        {
            while (true)
            {
                _stop.WaitOne(BoundMs / 4, false);
                lock (_sync)
                {
                    if (_stopped)
                    {
                        return;
                    }
                }

                if (Check(_clock.UptimeMs))
                {
                    return;
                }
            }
        }

        /// <summary>An orderly stop is not a stall.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _stopped = true;
            }

            _stop.Set();
        }
    }
}
