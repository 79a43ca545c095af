using System;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>
    /// The watchdog's restart on the host: the process is the device, so it ends with <see cref="ExitCode"/> for
    /// whatever runs it (systemd's Restart=on-failure, a shell loop) to start it again, as the ESP32 reboots.
    /// </summary>
    public sealed class HostRestart : IBoardRestart
    {
        /// <summary>EX_TEMPFAIL: try again.</summary>
        public const int ExitCode = 75;

        private readonly ILog _log;

        public HostRestart(ILog log)
        {
            _log = log;
        }

        public void Restart(string reason)
        {
            _log.Error("restarting (" + reason + "): exit code " + ExitCode);
            Environment.Exit(ExitCode);
        }
    }
}
