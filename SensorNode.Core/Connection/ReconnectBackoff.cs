using SensorNode.Core.Board;

namespace SensorNode.Core.Connection
{
    /// <summary>
    /// When to try the broker again: "full jitter" exponential back-off. Each delay is drawn at random from a
    /// window that starts at 1 s and doubles after every failure up to a 30 s cap, so a fleet that lost its broker
    /// at the same moment spreads its reconnects instead of returning in lockstep. The first attempt after boot is
    /// jittered too (a power cut reboots a whole building at once).
    /// </summary>
    public sealed class ReconnectBackoff
    {
        public const int FirstWindowMs = 1000;
        public const int CapMs = 30000;

        /// <summary>The window of the first connect after boot.</summary>
        public const int BootWindowMs = 1000;

        private IRandom _random;
        private int _windowMs = FirstWindowMs;

        public ReconnectBackoff(IRandom random)
        {
            _random = random;
        }

        public void UseRandom(IRandom random)
        {
            _random = random;
        }

        public int FirstAttemptDelayMs()
        {
            return Draw(BootWindowMs);
        }

        /// <summary>The delay after a failure, drawn from the current window; the window then doubles up to the cap.</summary>
        public int NextDelayMs()
        {
            int delay = Draw(_windowMs);
            _windowMs = _windowMs >= CapMs / 2 ? CapMs : _windowMs * 2;
            return delay;
        }

        /// <summary>After a connection that held: the next loss starts again from the first window.</summary>
        public void Reset()
        {
            _windowMs = FirstWindowMs;
        }

        private int Draw(int windowMs)
        {
            int delay = _random.Next(windowMs);
            return delay < 0 ? 0 : delay >= windowMs ? windowMs - 1 : delay;
        }
    }
}
