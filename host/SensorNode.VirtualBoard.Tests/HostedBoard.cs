using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>A <see cref="VirtualEsp32Board"/> in the test's process on a free loopback port, with the lines it printed.</summary>
    public sealed class HostedBoard : IDisposable
    {
        private readonly object _sync = new object();
        private readonly List<string> _lines = new List<string>();

        public HostedBoard(string chips = "bme280")
        {
            Board = new VirtualEsp32Board(chips.Split(','), seed: 7, new IPEndPoint(IPAddress.Loopback, 0), Record);
        }

        public VirtualEsp32Board Board { get; }

        public BoardPins Pins => Board.Pins;

        public string Address => Board.Address;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_sync)
                {
                    return _lines.ToList();
                }
            }
        }

        /// <summary>Waits until <paramref name="condition"/> holds (the server acts on its connection's thread); false after 5 s.</summary>
        public static bool Eventually(Func<bool> condition)
        {
            for (int i = 0; i < 500; i++)
            {
                if (condition())
                {
                    return true;
                }

                Thread.Sleep(10);
            }

            return condition();
        }

        public void Dispose()
        {
            Board.Dispose();
        }

        private void Record(string line)
        {
            lock (_sync)
            {
                _lines.Add(line);
            }
        }
    }
}
