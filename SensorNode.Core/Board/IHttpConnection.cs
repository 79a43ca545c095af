namespace SensorNode.Core.Board
{
    /// <summary>
    /// One accepted connection of the node's web server (a TCP socket on port 80 on the device, any port on the
    /// host). The board accepts, hands it to the core's <see cref="SensorNode.Core.Web.WebConsole"/> and closes it
    /// afterwards; the core reads one request and writes one response.
    /// </summary>
    public interface IHttpConnection
    {
        /// <summary>Up to <paramref name="count"/> bytes; 0 when the peer closed, the board's read timeout passed or the socket failed.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends the bytes; false when the peer is gone.</summary>
        bool Write(byte[] buffer, int offset, int count);
    }
}
