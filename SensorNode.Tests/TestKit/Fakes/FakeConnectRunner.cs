using SensorNode.Core.Connection;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// The connect thread, driven by the test: an attempt runs at once within the node's poll, or, with
    /// <see cref="Hold"/>, waits (like a CONNECT to a broker that never answers) until the test calls <see cref="Finish"/>.
    /// </summary>
    public sealed class FakeConnectRunner : IConnectRunner
    {
        public bool Hold;
        public ConnectAttempt Pending;
        public int Begun;
        public bool Stopped;

        public void Begin(ConnectAttempt attempt)
        {
            Begun++;
            Pending = attempt;
            if (!Hold)
            {
                Finish();
            }
        }

        /// <summary>The waiting attempt returns now, with whatever the fake link answers.</summary>
        public void Finish()
        {
            ConnectAttempt attempt = Pending;
            Pending = null;
            attempt.Run();
        }

        public void Stop()
        {
            Stopped = true;
        }
    }
}
