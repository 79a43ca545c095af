using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The compensation formulas and their inversion, against the BMP280 datasheet's worked example.</summary>
    public class CompensationTests
    {
        private static readonly Bmx280Compensation Compensation = new Bmx280Compensation(Bmx280Calibration.Typical);

        [Fact]
        public void Temperature_MatchesTheDatasheetExample()
        {
            // adc_T = 519888 gives t_fine = 128422 and T = 25.08 °C with the example's trimming parameters.
            double celsius = Compensation.Temperature(519888, out int tFine);

            Assert.Equal(128422, tFine);
            Assert.Equal(25.08, celsius, 0.005);
        }

        [Fact]
        public void Pressure_MatchesTheDatasheetExample()
        {
            // adc_P = 415148 at t_fine = 128422 gives 100653.27 Pa (the datasheet's table rounds its intermediate values).
            Assert.Equal(100653.27, Compensation.Pressure(415148, 128422), 0.05);
        }

        [Theory]
        [InlineData(-40.0)]
        [InlineData(-20.0)]
        [InlineData(0.0)]
        [InlineData(21.5)]
        [InlineData(40.0)]
        [InlineData(85.0)]
        public void TemperatureAdc_IsTheCodeWhoseCompensationIsNearest(double celsius)
        {
            Bmx280AdcEncoder encoder = new Bmx280AdcEncoder(Compensation);

            int adc = encoder.TemperatureAdc(celsius, 20);

            double found = Compensation.Temperature(adc, out _);
            Assert.InRange(System.Math.Abs(found - celsius), 0.0, System.Math.Abs(Compensation.Temperature(adc + 1, out _) - celsius));
            Assert.InRange(System.Math.Abs(found - celsius), 0.0, System.Math.Abs(Compensation.Temperature(adc - 1, out _) - celsius));
        }

        [Fact]
        public void TemperatureAdc_AtSixteenBits_LeavesTheLowFourBitsClear()
        {
            Bmx280AdcEncoder encoder = new Bmx280AdcEncoder(Compensation);

            int adc = encoder.TemperatureAdc(23.456, 16);

            Assert.Equal(0, adc & 0xF);
            Assert.Equal(23.456, Compensation.Temperature(adc, out _), 0.003); // one 16-bit step is about 0.005 °C
        }

        [Theory]
        [InlineData(-20.0, 950.0)]
        [InlineData(40.0, 1050.0)]
        [InlineData(25.0, 300.0)]
        [InlineData(25.0, 1100.0)]
        public void PressureAdc_RoundTripsAtTheGivenTemperature(double celsius, double hectopascals)
        {
            Bmx280AdcEncoder encoder = new Bmx280AdcEncoder(Compensation);
            int tFine = encoder.FineTemperature(encoder.TemperatureAdc(celsius, 20));

            int adc = encoder.PressureAdc(hectopascals, tFine, 20);

            Assert.Equal(hectopascals, Compensation.Pressure(adc, tFine) / 100.0, 0.002);
        }

        [Theory]
        [InlineData(-20.0, 10.0)]
        [InlineData(40.0, 90.0)]
        [InlineData(21.5, 45.0)]
        public void HumidityAdc_RoundTripsAtTheGivenTemperature(double celsius, double percent)
        {
            Bmx280AdcEncoder encoder = new Bmx280AdcEncoder(Compensation);
            int tFine = encoder.FineTemperature(encoder.TemperatureAdc(celsius, 20));

            int adc = encoder.HumidityAdc(percent, tFine);

            Assert.Equal(percent, Compensation.Humidity(adc, tFine), 0.01);
        }

        [Fact]
        public void Nearest_FindsTheClosestIndexOfAFallingFunction()
        {
            // f(k) = 100 - 2k: 37 lies between f(31) = 38 and f(32) = 36, equally far; the lower index wins a tie.
            Assert.Equal(31, MonotonicSearch.Nearest(k => 100 - (2 * k), 50, 37));
            Assert.Equal(0, MonotonicSearch.Nearest(k => 100 - (2 * k), 50, 500));
            Assert.Equal(49, MonotonicSearch.Nearest(k => 100 - (2 * k), 50, -500));
        }
    }
}
