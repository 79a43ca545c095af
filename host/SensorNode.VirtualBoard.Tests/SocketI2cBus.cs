using System;
using System.Globalization;
using SensorNode.Core.Board;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>
    /// The core's bus interface over the board server's i2c request: what the device's I2C native does, on .NET, so the
    /// core's own bus search (SensorFinder, the chip table) and drivers run through the protocol.
    /// </summary>
    public sealed class SocketI2cBus : II2cBus
    {
        private readonly BoardConnection _board;
        private readonly int _busId;

        public SocketI2cBus(BoardConnection board, int busId)
        {
            _board = board;
            _busId = busId;
        }

        public bool WriteRead(int address, byte[] write, byte[] read, out string error)
        {
            return Transfer(address, write, read, out error);
        }

        public bool Write(int address, byte[] write, out string error)
        {
            return Transfer(address, write, Array.Empty<byte>(), out error);
        }

        public bool Read(int address, byte[] read, out string error)
        {
            return Transfer(address, Array.Empty<byte>(), read, out error);
        }

        /// <summary>The status of one transaction, and the bytes read into <paramref name="read"/> on a full transfer.</summary>
        public I2cStatus Transfer(int address, byte[] write, byte[] read)
        {
            string reply = _board.Ask("i2c " + _busId + " " + address.ToString("x2") + " " + (write.Length == 0 ? "-" : Convert.ToHexStringLower(write)) + " " + read.Length);
            string[] words = reply.Split(' ');
            if (words[0] != "ok" || words.Length != 4)
            {
                throw new InvalidOperationException("the board server answered \"" + reply + "\"");
            }

            I2cStatus status = (I2cStatus)int.Parse(words[1], CultureInfo.InvariantCulture);
            if (status == I2cStatus.FullTransfer && read.Length > 0)
            {
                Convert.FromHexString(words[3]).CopyTo(read, 0);
            }

            return status;
        }

        private bool Transfer(int address, byte[] write, byte[] read, out string error)
        {
            I2cStatus status = Transfer(address, write, read);
            error = status == I2cStatus.FullTransfer ? null : status.ToString();
            return error == null;
        }
    }
}
