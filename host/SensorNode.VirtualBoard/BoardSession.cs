namespace SensorNode.VirtualBoard
{
    /// <summary>One connection to the board server (the device's, a test's, the console's): who a request comes from.</summary>
    public sealed class BoardSession
    {
        public BoardSession(string peer)
        {
            Peer = peer;
        }

        /// <summary>Where it comes from, for the console ("127.0.0.1:41234", "console").</summary>
        public string Peer { get; }
    }
}
