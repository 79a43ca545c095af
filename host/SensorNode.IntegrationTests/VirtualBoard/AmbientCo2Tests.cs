using System;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The CO2 the ambients hand to a virtual SCD4x: a room's values, drifting, reproducible by seed.</summary>
    public class AmbientCo2Tests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(42)]
        [InlineData(12345)]
        public void DriftingCo2_StaysWithinAnIndoorRangeForTwoDays(int seed)
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed, time.Reading);

            for (int minute = 0; minute < 48 * 60; minute += 7)
            {
                time.Advance(7 * 60);

                Assert.InRange(ambient.Co2Ppm, 900.0 - 450.0, 900.0 + 450.0); // cycle ±350, wander ±100
            }
        }

        [Fact]
        public void DriftingCo2_RisesAndFallsOverAFewHours()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(3, time.Reading);
            double minimum = double.MaxValue, maximum = double.MinValue;

            for (int minute = 0; minute < 4 * 60; minute++)
            {
                time.Advance(60);
                minimum = Math.Min(minimum, ambient.Co2Ppm);
                maximum = Math.Max(maximum, ambient.Co2Ppm);
            }

            Assert.True(maximum - minimum > 500.0, $"CO2 spans {maximum - minimum:F1} ppm");
        }

        [Fact]
        public void DriftingCo2_SameSeedAndTimes_GiveTheSameValues()
        {
            ManualClock timeA = new ManualClock();
            ManualClock timeB = new ManualClock();
            DriftingAmbient a = new DriftingAmbient(9, timeA.Reading);
            DriftingAmbient b = new DriftingAmbient(9, timeB.Reading);
            DriftingAmbient other = new DriftingAmbient(10, timeB.Reading);
            bool differs = false;

            for (int i = 0; i < 50; i++)
            {
                timeA.Advance(37);
                timeB.Advance(37);
                Assert.Equal(a.Co2Ppm, b.Co2Ppm);
                differs |= other.Co2Ppm != b.Co2Ppm;
            }

            Assert.True(differs);
        }

        [Fact]
        public void DriftingCo2_DoesNotChangeTheOtherValuesOfASeed()
        {
            // CO2 has its own random stream: asking for it must not move temperature, humidity or pressure.
            ManualClock timeA = new ManualClock();
            ManualClock timeB = new ManualClock();
            DriftingAmbient withCo2 = new DriftingAmbient(11, timeA.Reading);
            DriftingAmbient withoutCo2 = new DriftingAmbient(11, timeB.Reading);

            for (int i = 0; i < 20; i++)
            {
                timeA.Advance(61);
                timeB.Advance(61);
                _ = withCo2.Co2Ppm;

                Assert.Equal(withoutCo2.TemperatureC, withCo2.TemperatureC);
                Assert.Equal(withoutCo2.HumidityPercent, withCo2.HumidityPercent);
                Assert.Equal(withoutCo2.PressureHpa, withCo2.PressureHpa);
            }
        }

        [Fact]
        public void FixedAmbient_HoldsItsCo2()
        {
            FixedAmbient ambient = new FixedAmbient(co2Ppm: 1234.0);

            Assert.Equal(1234.0, ambient.Co2Ppm);
            ambient.Co2Ppm = 415.0;
            Assert.Equal(415.0, ambient.Co2Ppm);
            Assert.Equal(600.0, new FixedAmbient().Co2Ppm);
        }
    }
}
