using System;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The simulator's ambient: plausible indoor values that change over time, reproducible by seed.</summary>
    public class DriftingAmbientTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(42)]
        [InlineData(12345)]
        public void Values_StayWithinARoomsRangeForTwoDays(int seed)
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed, time.Reading);

            for (int minute = 0; minute < 48 * 60; minute += 7)
            {
                time.Advance(7 * 60);

                Assert.InRange(ambient.TemperatureC, 21.5 - 1.6, 21.5 + 1.6);     // cycle ±1.0, wander ±0.5
                Assert.InRange(ambient.HumidityPercent, 45.0 - 6.1, 45.0 + 6.1);  // cycle ±4, wander ±2
                Assert.InRange(ambient.PressureHpa, 1013.25 - 1.9, 1013.25 + 1.9); // cycle ±1.5, wander ±0.3
            }
        }

        [Fact]
        public void Values_ChangeOverTime()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(3, time.Reading);
            double minimumT = double.MaxValue, maximumT = double.MinValue;
            double minimumH = double.MaxValue, maximumH = double.MinValue;
            double minimumP = double.MaxValue, maximumP = double.MinValue;

            for (int minute = 0; minute < 6 * 60; minute++)
            {
                time.Advance(60);
                minimumT = Math.Min(minimumT, ambient.TemperatureC);
                maximumT = Math.Max(maximumT, ambient.TemperatureC);
                minimumH = Math.Min(minimumH, ambient.HumidityPercent);
                maximumH = Math.Max(maximumH, ambient.HumidityPercent);
                minimumP = Math.Min(minimumP, ambient.PressureHpa);
                maximumP = Math.Max(maximumP, ambient.PressureHpa);
            }

            Assert.True(maximumT - minimumT > 1.0, $"temperature spans {maximumT - minimumT:F3} °C");
            Assert.True(maximumH - minimumH > 4.0, $"humidity spans {maximumH - minimumH:F3} %RH");
            Assert.True(maximumP - minimumP > 1.5, $"pressure spans {maximumP - minimumP:F3} hPa");
        }

        [Fact]
        public void Values_HoldStillWhileTimeDoes()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(5, time.Reading);
            time.Advance(123.4);

            double first = ambient.TemperatureC;

            Assert.Equal(first, ambient.TemperatureC);
            Assert.Equal(ambient.PressureHpa, ambient.PressureHpa);
        }

        [Fact]
        public void SameSeedAndTimes_GiveTheSameValues()
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
                Assert.Equal(a.TemperatureC, b.TemperatureC);
                Assert.Equal(a.HumidityPercent, b.HumidityPercent);
                Assert.Equal(a.PressureHpa, b.PressureHpa);
                differs |= other.TemperatureC != b.TemperatureC;
            }

            Assert.True(differs);
        }

        [Fact]
        public void WithoutAClock_UsesRealTime()
        {
            DriftingAmbient ambient = new DriftingAmbient(1);

            Assert.InRange(ambient.TemperatureC, 19.9, 23.1);
            Assert.InRange(ambient.HumidityPercent, 38.9, 51.1);
            Assert.InRange(ambient.PressureHpa, 1011.3, 1015.2);
        }
    }
}
