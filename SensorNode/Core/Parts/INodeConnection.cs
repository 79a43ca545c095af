using SensorNode.Core.Config;

namespace SensorNode.Core.Parts
{
    /// <summary>What a part may ask of the node's broker connection.</summary>
    public interface INodeConnection
    {
        /// <summary>Why the last connect attempt failed; null after a success.</summary>
        string LastError { get; }

        /// <summary>Says "offline", disconnects, moves every part to the settings' topics and reconnects with them.</summary>
        void Reconnect(NodeConfig config, bool rejoinNetwork);
    }
}
