using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Fleet
{
    /// <summary>
    /// The randomness the simulator gives each node of a fleet reaches its back-off: with --no-jitter every node
    /// waits the top of each window (1 s, 2 s, 4 s: lockstep), by default each draws its own delays in the windows.
    /// Read from the nodes' own "next try in" warnings against a port where nothing listens (every connect refused).
    /// </summary>
    public class ReconnectJitterTests
    {
        private static readonly Regex NextTry = new Regex(@"\[(\S+)\] connect failed .*; next try in (\d+) ms", RegexOptions.CultureInvariant);
        private static readonly int[] Windows = { 1000, 2000, 4000 };

        [Fact]
        public void Without_jitter_every_node_waits_the_top_of_each_window()
        {
            Dictionary<string, int[]> delays = FirstDelays("--no-jitter");

            Assert.All(delays.Values, d => Assert.Equal(new[] { 999, 1999, 3999 }, d));
        }

        [Fact]
        public void With_jitter_each_node_draws_its_own_delays_within_the_windows()
        {
            Dictionary<string, int[]> delays = FirstDelays();

            Assert.All(delays.Values, d => Assert.All(d.Zip(Windows), p => Assert.InRange(p.First, 0, p.Second - 1)));
            Assert.NotEqual(delays.Values.First(), delays.Values.Last()); // seeded per node: the fleet does not move in lockstep
        }

        /// <summary>The first three back-off delays of each of two nodes, whose every connect is refused.</summary>
        private static Dictionary<string, int[]> FirstDelays(params string[] extra)
        {
            using NowhereBroker nowhere = new NowhereBroker();
            using SimulatorProcess fleet = SimulatorProcess.Start(nowhere, "jt" + Guid.NewGuid().ToString("N").Substring(0, 8), new[] { "--nodes", "2" }.Concat(extra).ToArray());
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                Dictionary<string, int[]> delays = fleet.Lines.Select(l => NextTry.Match(l)).Where(m => m.Success)
                    .GroupBy(m => m.Groups[1].Value)
                    .ToDictionary(g => g.Key, g => g.Select(m => int.Parse(m.Groups[2].Value)).Take(3).ToArray());
                if (delays.Count == 2 && delays.Values.All(d => d.Length == 3))
                {
                    return delays;
                }

                // 1 s to the first attempt, then at most 1 + 2 s: 4 s; the rest is room for a busy machine.
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "no three refused connects per node within 30 s:\n" + fleet.Console);
                Thread.Sleep(100);
            }
        }

        /// <summary>A loopback port where nothing listens: every connect is refused at once.</summary>
        private sealed class NowhereBroker : IBroker
        {
            public string Name => "nothing";

            public string Host => "127.0.0.1";

            public int Port { get; } = LoopbackPorts.Free();

            public void Dispose()
            {
            }
        }
    }
}
