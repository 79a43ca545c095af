using Iot.Device.Ahtxx;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The virtual AHT20 read through .NET IoT's own Iot.Device.Ahtxx binding (Iot.Device.Bindings 4.2.0): soft reset,
    /// the status request, initialise when uncalibrated, trigger, polling the busy bit, the 20-bit decoding. The virtual
    /// chip lays out its answer with the core's Aht20Family, which the firmware's driver decodes too; this decoder is
    /// independent of both.
    /// </summary>
    public class Aht20BindingReadTests
    {
        // One step of 20 bits: 0.0002 °C and 0.0001 %RH.
        private const double Tolerance = 0.001;

        [Theory]
        [InlineData(21.5, 45.0)]
        [InlineData(-40.0, 0.0)]
        [InlineData(-12.34, 12.34)]
        [InlineData(85.0, 100.0)]
        public void DecodesTheAmbient(double celsius, double percent)
        {
            using Aht20 sensor = new Aht20(new VirtualAht20(new FixedAmbient(celsius, percent)));

            Assert.Equal(celsius, sensor.GetTemperature().DegreesCelsius, Tolerance);
            Assert.Equal(percent, sensor.GetHumidity().Percent, Tolerance);
        }

        [Fact]
        public void AnUncalibratedChipIsInitialisedByTheBinding()
        {
            VirtualAht20 chip = new VirtualAht20(new FixedAmbient(), calibrated: false);
            using Aht20 sensor = new Aht20(chip);

            Assert.True(chip.Calibrated);
            Assert.Equal(21.5, sensor.GetTemperature().DegreesCelsius, Tolerance);
        }
    }
}
