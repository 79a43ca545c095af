using SensorNode.Core.Config;

namespace SensorNode.Core.Parts
{
    /// <summary>What a part may ask of the node's broker connection.</summary>
    public interface INodeConnection
    {
        /// <summary>
        /// True while the node is connected, subscribed, "online" and has had its own probe message back through the
        /// broker (so it is reachable, not just connected); parts publish only then.
        /// </summary>
        bool IsOnline { get; }

        /// <summary>Uptime (ms) at which the node was last not online: at boot 0, after a loss the moment it was lost; -1 while online.</summary>
        long OfflineSinceMs { get; }

        /// <summary>Why the last connect attempt failed; null after a success.</summary>
        string LastError { get; }

        /// <summary>Connect attempts that failed since the connection settings last changed.</summary>
        int FailedAttempts { get; }

        /// <summary>Says "offline", disconnects, moves every part to the settings' topics and reconnects with them.</summary>
        void Reconnect(NodeConfig config, bool rejoinNetwork);
    }
}
