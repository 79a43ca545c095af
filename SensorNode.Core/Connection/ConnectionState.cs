namespace SensorNode.Core.Connection
{
    /// <summary>The states of <see cref="ConnectionSupervisor"/> (docs/architecture.md has the diagram).</summary>
    public enum ConnectionState
    {
        /// <summary>Not connected; the next attempt is due at a jittered time.</summary>
        Waiting,

        /// <summary>An attempt (network join, CONNECT, SUBSCRIBE, "online") runs on the connect thread; the main loop must not touch the link.</summary>
        Connecting,

        /// <summary>Connected; the node's probe is on its way through the broker and back.</summary>
        Verifying,

        /// <summary>Connected and reachable: the probe came back. Parts publish.</summary>
        Online,

        /// <summary>Stopped in order; no more attempts.</summary>
        Closed,
    }
}
