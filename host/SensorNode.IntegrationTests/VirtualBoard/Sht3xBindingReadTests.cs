using Iot.Device.Sht3x;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The virtual SHT3x read through the real Iot.Device.Sht3x binding (Iot.Device.Bindings 4.2.0). Each property read
    /// is one measurement: write 0x24 + repeatability, sleep 20 ms, read 6 bytes. The binding drops a result whose CRC is
    /// wrong without a word, so every value that decodes right here also had the right CRCs.
    /// </summary>
    public class Sht3xBindingReadTests
    {
        // The binding rounds to 0.1 (°C and %RH); the chip's own step is 0.0027 °C and 0.0015 %RH.
        private const double RoundedTolerance = 0.05 + 0.003;

        [Theory]
        [InlineData(21.5, 45.0)]
        [InlineData(-40.0, 0.0)]
        [InlineData(-12.34, 12.34)]
        [InlineData(0.5, 50.0)]
        [InlineData(37.77, 88.88)]
        [InlineData(85.0, 99.9)]
        [InlineData(125.0, 100.0)]
        public void DecodesTheAmbient(double celsius, double percent)
        {
            using Sht3x sensor = new Sht3x(NewChip(new FixedAmbient(celsius, percent)));

            Assert.Equal(celsius, sensor.Temperature.DegreesCelsius, RoundedTolerance);
            Assert.Equal(percent, sensor.Humidity.Percent, RoundedTolerance);
        }

        [Theory]
        [InlineData(Resolution.High)]
        [InlineData(Resolution.Medium)]
        [InlineData(Resolution.Low)]
        public void DecodesTheAmbientAtEveryRepeatability(Resolution resolution)
        {
            using Sht3x sensor = new Sht3x(NewChip(new FixedAmbient(-7.3, 63.2)), resolution);

            Assert.Equal(-7.3, sensor.Temperature.DegreesCelsius, RoundedTolerance);
            Assert.Equal(63.2, sensor.Humidity.Percent, RoundedTolerance);
        }

        [Fact]
        public void FollowsTheAmbientFromReadToRead()
        {
            FixedAmbient ambient = new FixedAmbient();
            using Sht3x sensor = new Sht3x(NewChip(ambient));

            for (int i = 0; i < 5; i++)
            {
                ambient.TemperatureC = 15.0 + (i * 3.3);
                ambient.HumidityPercent = 30.0 + (i * 11.0);

                Assert.Equal(ambient.TemperatureC, sensor.Temperature.DegreesCelsius, RoundedTolerance);
                Assert.Equal(ambient.HumidityPercent, sensor.Humidity.Percent, RoundedTolerance);
            }
        }

        [Fact]
        public void ReadsADriftingAmbientAsItIsAtThatMoment()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed: 7, time.Reading);
            using Sht3x sensor = new Sht3x(NewChip(ambient));

            for (int minute = 0; minute < 90; minute += 15)
            {
                time.Advance(15 * 60);

                Assert.Equal(ambient.TemperatureC, sensor.Temperature.DegreesCelsius, RoundedTolerance);
                Assert.Equal(ambient.HumidityPercent, sensor.Humidity.Percent, RoundedTolerance);
            }
        }

        [Fact]
        public void ARead_SendsTheCommandsTheDatasheetDescribes()
        {
            RecordingI2cDevice bus = new RecordingI2cDevice(NewChip(new FixedAmbient(18.0, 61.0)));
            using Sht3x sensor = new Sht3x(bus, Resolution.Medium);

            double celsius = sensor.Temperature.DegreesCelsius;
            double percent = sensor.Humidity.Percent;

            Assert.Equal(18.0, celsius, RoundedTolerance);
            Assert.Equal(61.0, percent, RoundedTolerance);
            // soft reset; then per property one single-shot measurement (no clock stretching) and a read of both words
            Assert.Equal(new[] { "W 30A2", "W 240B", "R 6", "W 240B", "R 6" }, bus.Transfers);
        }

        [Fact]
        public void Heater_SwitchesTheStatusBit()
        {
            VirtualSht3x chip = NewChip(new FixedAmbient());
            using Sht3x sensor = new Sht3x(chip);

            sensor.Heater = true;
            ushort on = ReadStatus(chip);
            sensor.Heater = false;
            ushort off = ReadStatus(chip);

            Assert.Equal(Sht3xCommands.StatusHeaterOn, on & Sht3xCommands.StatusHeaterOn);
            Assert.Equal(0, off & Sht3xCommands.StatusHeaterOn);
        }

        [Fact]
        public void WithRealTime_ReadsTheAmbient()
        {
            // The binding sleeps 20 ms after the command, longer than the 15 ms the chip measures at high repeatability.
            using Sht3x sensor = new Sht3x(new VirtualSht3x(VirtualSht3x.DefaultAddress, new FixedAmbient(24.6, 38.2)));

            Assert.Equal(24.6, sensor.Temperature.DegreesCelsius, RoundedTolerance);
            Assert.Equal(38.2, sensor.Humidity.Percent, RoundedTolerance);
        }

        [Fact]
        public void AtTheAlternateAddress_ReadsTheSame()
        {
            VirtualSht3x chip = new VirtualSht3x(VirtualSht3x.AlternateAddress, new FixedAmbient(19.0, 55.0), ManualClock.Stepping().Reading);
            using Sht3x sensor = new Sht3x(chip);

            Assert.Equal((int)I2cAddress.AddrHigh, chip.ConnectionSettings.DeviceAddress);
            Assert.Equal(19.0, sensor.Temperature.DegreesCelsius, RoundedTolerance);
        }

        private static ushort ReadStatus(VirtualSht3x chip)
        {
            SensirionBus.Send(chip, Sht3xCommands.ReadStatus);
            return SensirionBus.ReadWords(chip, 1)[0];
        }

        private static VirtualSht3x NewChip(IAmbient ambient)
        {
            // Each transfer moves time on by 0.2 s, past any measurement, whatever Thread.Sleep does on this machine.
            return new VirtualSht3x(VirtualSht3x.DefaultAddress, ambient, ManualClock.Stepping().Reading);
        }
    }
}
