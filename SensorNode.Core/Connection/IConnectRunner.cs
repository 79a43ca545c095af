namespace SensorNode.Core.Connection
{
    /// <summary>Runs connect attempts away from the main loop, one at a time.</summary>
    public interface IConnectRunner
    {
        /// <summary>Starts <paramref name="attempt"/>; returns at once (or, inline, when it is done).</summary>
        void Begin(ConnectAttempt attempt);

        /// <summary>No more attempts: an idle runner ends its thread; a running attempt finishes on its own.</summary>
        void Stop();
    }
}
