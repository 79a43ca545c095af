namespace SensorNode.Core.Connection
{
    /// <summary>What a step of <see cref="ConnectionSupervisor"/> changed that the node must act on.</summary>
    public enum ConnectionChange
    {
        None,

        /// <summary>The probe came back: the node is online; parts republish what they retain.</summary>
        CameOnline,

        /// <summary>The broker took the connection but not the node's messages (probe lost or subscription refused).</summary>
        Unreachable,
    }
}
