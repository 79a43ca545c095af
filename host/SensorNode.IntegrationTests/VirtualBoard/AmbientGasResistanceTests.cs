using System;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The gas resistance the ambient gives a BME680: plausible indoor values that move, reproducible by seed.</summary>
    public class AmbientGasResistanceTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(42)]
        [InlineData(12345)]
        public void DriftingGasResistance_StaysWithinItsBandForTwoDays(int seed)
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed, time.Reading);

            for (int minute = 0; minute < 48 * 60; minute += 7)
            {
                time.Advance(7 * 60);

                Assert.InRange(ambient.GasResistanceOhms, 80000.0 - 38000.0, 80000.0 + 38000.0); // cycle ±30 kΩ, wander ±8 kΩ
            }
        }

        [Fact]
        public void DriftingGasResistance_MovesFromReadToRead_AndFallsAsCo2Rises()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(4, time.Reading);
            double previous = ambient.GasResistanceOhms;
            int unchanged = 0;
            double covariance = 0.0;

            for (int i = 0; i < 4 * 3600 / 2; i++)
            {
                time.Advance(2); // the simulator's shortest useful interval
                double ohms = ambient.GasResistanceOhms;
                unchanged += ohms == previous ? 1 : 0;
                covariance += (ohms - DriftingAmbient.BaseGasResistanceOhms) * (ambient.Co2Ppm - DriftingAmbient.BaseCo2Ppm);
                previous = ohms;
            }

            Assert.Equal(0, unchanged);
            Assert.True(covariance < 0.0, "gas resistance should fall while CO2 rises");
        }

        [Fact]
        public void DriftingGasResistance_SameSeedAndTimes_GiveTheSameValues()
        {
            ManualClock timeA = new ManualClock();
            ManualClock timeB = new ManualClock();
            DriftingAmbient a = new DriftingAmbient(9, timeA.Reading);
            DriftingAmbient b = new DriftingAmbient(9, timeB.Reading);

            for (int i = 0; i < 50; i++)
            {
                timeA.Advance(37);
                timeB.Advance(37);
                Assert.Equal(a.GasResistanceOhms, b.GasResistanceOhms);
            }
        }

        [Fact]
        public void FixedAmbient_HoldsItsGasResistance()
        {
            FixedAmbient ambient = new FixedAmbient(gasResistanceOhms: 123000.0);

            Assert.Equal(123000.0, ambient.GasResistanceOhms);
            ambient.GasResistanceOhms = 31000.0;
            Assert.Equal(31000.0, ambient.GasResistanceOhms);
            Assert.Equal(50000.0, new FixedAmbient().GasResistanceOhms);
        }
    }
}
