using System;
using System.Net.Sockets;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>What the fault injectors do to a socket when they let go of it.</summary>
    internal static class Sockets
    {
        /// <summary>Closes at once with a TCP reset (linger 0), as a path that breaks does: no orderly FIN.</summary>
        public static void Abort(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception)
            {
                // already closed
            }

            socket.Dispose();
        }
    }
}
