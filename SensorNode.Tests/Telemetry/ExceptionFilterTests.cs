using nanoFramework.TestFramework;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Telemetry
{
    /// <summary>
    /// Report by exception under a chip's noise: a real change of a deadband goes out at its first read, noise alone
    /// does not, and steady drift is not taken for noise.
    /// </summary>
    [TestClass]
    public class ExceptionFilterTests
    {
        private const double Deadband = 0.1;
        private const double Resolution = 0.01;
        private const long Heartbeat = 1200000;
        private const double Sigma = 0.01; // a BME280's temperature noise, °C

        [TestMethod]
        public static void Under_noise_a_change_of_a_deadband_goes_out_at_its_first_read()
        {
            ExceptionFilter filter = new ExceptionFilter(1);
            Noise noise = new Noise();
            long now = WarmUp(filter, noise, 21.40);
            double allowance = filter.NoiseAllowance(0, Deadband);
            Assert.IsTrue(allowance > 2 * Sigma && allowance < 4.5 * Sigma, "three σ of 0.01 °C, measured: " + allowance);

            // The room is now a deadband and a bit from what subscribers saw; the read's noise pulls it back by 1.5 σ.
            double reading = 21.40 + Deadband + 0.001 - 1.5 * Sigma;
            Assert.IsTrue(filter.IsDue(0, reading, Deadband, Resolution, now + 30000, Heartbeat), "a change of a deadband hidden by the noise");
        }

        [TestMethod]
        public static void Noise_alone_is_not_news()
        {
            ExceptionFilter filter = new ExceptionFilter(1);
            Noise noise = new Noise();
            long now = WarmUp(filter, noise, 21.40);

            int due = 0;
            for (int read = 0; read < 500; read++)
            {
                now += 30000;
                due += filter.IsDue(0, 21.40 + noise.Next(Sigma), Deadband, Resolution, now, long.MaxValue) ? 1 : 0;
            }

            Assert.AreEqual(0, due);
        }

        [TestMethod]
        public static void Steady_drift_is_not_taken_for_noise()
        {
            ExceptionFilter filter = new ExceptionFilter(1);
            for (int read = 0; read < 40; read++)
            {
                filter.IsDue(0, 21.0 + read * 0.03, Deadband, Resolution, read * 30000L, Heartbeat);
            }

            Assert.IsTrue(filter.NoiseAllowance(0, Deadband) < 0.001, "drift of 0.03 °C a read: " + filter.NoiseAllowance(0, Deadband));
        }

        [TestMethod]
        public static void However_noisy_the_chip_a_change_goes_out_no_earlier_than_half_the_deadband()
        {
            ExceptionFilter filter = new ExceptionFilter(1);
            Noise noise = new Noise();
            long now = 0;
            for (int read = 0; read < 100; read++, now += 30000)
            {
                filter.IsDue(0, 21.0 + noise.Next(1.0), Deadband, Resolution, now, Heartbeat);
            }

            Assert.AreEqual(Deadband / 2, filter.NoiseAllowance(0, Deadband));
            filter.Published(0, 21.0, now);
            Assert.IsFalse(filter.IsDue(0, 21.049, Deadband, Resolution, now + 30000, Heartbeat));
        }

        /// <summary>Forty reads of <paramref name="room"/> with noise; the first is published. Returns the time of the last.</summary>
        private static long WarmUp(ExceptionFilter filter, Noise noise, double room)
        {
            long now = 0;
            for (int read = 0; read < 40; read++, now += 30000)
            {
                double reading = room + noise.Next(Sigma);
                if (filter.IsDue(0, reading, Deadband, Resolution, now, Heartbeat))
                {
                    Assert.AreEqual(0, read, "only the first read of an unchanged room is news");
                    filter.Published(0, room, now);
                }
            }

            return now - 30000;
        }

        /// <summary>Gaussian-like noise, the same on every runtime: twelve uniforms of a fixed LCG, less six.</summary>
        private sealed class Noise
        {
            private uint _state = 20261206;

            public double Next(double sigma)
            {
                double sum = 0;
                for (int i = 0; i < 12; i++)
                {
                    _state = (_state * 1664525) + 1013904223;
                    sum += (_state >> 8) / 16777216.0;
                }

                return (sum - 6) * sigma;
            }
        }
    }
}
