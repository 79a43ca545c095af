using System.Linq;
using SensorNode.Core.Board;
using SensorNode.HostBoard.Randomness;
using Xunit;

namespace SensorNode.IntegrationTests.Fleet
{
    /// <summary>
    /// The randomness the simulator gives each node's back-off: the core's <see cref="SystemRandom"/> seeded per node
    /// (the default), and <see cref="TopOfWindowRandom"/> for --no-jitter.
    /// </summary>
    public class JitterRandomTests
    {
        [Theory]
        [InlineData(1, 0)]
        [InlineData(1000, 999)]
        [InlineData(30000, 29999)]
        [InlineData(0, 0)]
        [InlineData(-5, 0)]
        public void No_jitter_is_always_the_top_of_the_window(int maxExclusive, int expected)
        {
            TopOfWindowRandom random = new TopOfWindowRandom();

            Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(expected, random.Next(maxExclusive)));
        }

        [Fact]
        public void Jitter_stays_in_the_window_and_spreads_over_it()
        {
            SystemRandom random = new SystemRandom(42);

            int[] draws = Enumerable.Range(0, 10_000).Select(_ => random.Next(1000)).ToArray();

            Assert.All(draws, d => Assert.InRange(d, 0, 999));
            // Spread, not a constant: each tenth of the window gets about its share (1000 expected; 5 sigma ≈ 150).
            Assert.All(Enumerable.Range(0, 10), tenth => Assert.InRange(draws.Count(d => d / 100 == tenth), 850, 1150));
            Assert.Equal(0, random.Next(0));
        }

        [Fact]
        public void Nodes_seeded_apart_draw_apart_and_a_seed_repeats()
        {
            int[] first = Draw(new SystemRandom(1));
            int[] second = Draw(new SystemRandom(2));

            Assert.NotEqual(first, second);
            Assert.Equal(first, Draw(new SystemRandom(1)));
        }

        private static int[] Draw(SystemRandom random) => Enumerable.Range(0, 20).Select(_ => random.Next(30_000)).ToArray();
    }
}
