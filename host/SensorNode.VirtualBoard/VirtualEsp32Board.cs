using System;
using System.Collections.Generic;
using System.Net;
using SensorNode.Board.Profiles;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The whole board of the virtual ESP32, running: the ESP32-DevKitC profile's chips and pins behind a listening
    /// <see cref="BoardServer"/>. What the command line starts, and what a test hosts in its own process to watch the
    /// relay's pin through <see cref="Pins"/> and break a chip through <see cref="Chips"/>.
    /// </summary>
    public sealed class VirtualEsp32Board : IDisposable
    {
        private readonly BoardServer _server;

        /// <param name="chips">Chip names as <c>--chips</c> takes them.</param>
        /// <param name="seed">Seed of the weather the chips measure.</param>
        /// <param name="listen">Where to listen; port 0 for a free one.</param>
        /// <param name="print">Where the board's lines go; null for nowhere.</param>
        public VirtualEsp32Board(IEnumerable<string> chips, int seed, IPEndPoint listen, Action<string> print)
        {
            Profile = Esp32DevKitC.Create();
            Chips = new BoardChips(Profile.I2cBusId, chips, seed);
            Pins = new BoardPins(Profile, print);
            Protocol = new BoardProtocol(Chips, Pins, print);
            _server = new BoardServer(Protocol, listen);
        }

        public BoardProfile Profile { get; }

        public BoardChips Chips { get; }

        public BoardPins Pins { get; }

        public BoardProtocol Protocol { get; }

        /// <summary>The server's address as VESP32_BOARD takes it: "127.0.0.1:41234".</summary>
        public string Address => _server.Address.Address + ":" + _server.Address.Port;

        public string Describe()
        {
            return Protocol.Describe();
        }

        public void Dispose()
        {
            _server.Dispose();
        }
    }
}
