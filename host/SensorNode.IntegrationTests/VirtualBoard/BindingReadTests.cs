using System.IO;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The virtual chip read through the real Iot.Device.Bmxx80 binding (Iot.Device.Bindings 4.2.0), exactly as the host
    /// board reads it: the binding must decode what the chip reports back to the ambient it measured.
    /// </summary>
    public class BindingReadTests
    {
        private const double CelsiusTolerance = 0.01;
        private const double PercentTolerance = 0.1;
        private const double HectopascalTolerance = 0.05;

        [Theory]
        [InlineData(21.5, 45.0, 1013.25)]
        [InlineData(-20.0, 10.0, 950.0)]
        [InlineData(40.0, 90.0, 1050.0)]
        [InlineData(-20.0, 90.0, 1050.0)]
        [InlineData(40.0, 10.0, 950.0)]
        [InlineData(0.0, 50.0, 1000.0)]
        [InlineData(-40.0, 0.0, 300.0)]
        [InlineData(85.0, 100.0, 1100.0)]
        public void Bme280_DecodesTheAmbient(double celsius, double percent, double hectopascals)
        {
            FixedAmbient ambient = new FixedAmbient(celsius, percent, hectopascals);
            using Bme280 sensor = NewBme280(ambient);

            Bme280ReadResult result = sensor.Read();

            Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(percent, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(hectopascals, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Theory]
        [InlineData(21.5, 1013.25)]
        [InlineData(-20.0, 950.0)]
        [InlineData(40.0, 1050.0)]
        public void Bmp280_DecodesTheAmbient(double celsius, double hectopascals)
        {
            FixedAmbient ambient = new FixedAmbient(celsius, 45.0, hectopascals);
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bmp280, 0x77, ambient, ManualClock.Stepping().Reading);
            using Bmp280 sensor = new Bmp280(chip);

            Bmp280ReadResult result = sensor.Read();

            Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(hectopascals, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Theory]
        [InlineData(Sampling.LowPower)]
        [InlineData(Sampling.Standard)]
        [InlineData(Sampling.HighResolution)]
        [InlineData(Sampling.UltraHighResolution)]
        public void Bme280_DecodesTheAmbientAtEveryOversampling(Sampling sampling)
        {
            FixedAmbient ambient = new FixedAmbient(-12.34, 67.8, 987.65);
            using Bme280 sensor = NewBme280(ambient);
            sensor.TemperatureSampling = sampling;
            sensor.PressureSampling = sampling;
            sensor.HumiditySampling = sampling;

            Bme280ReadResult result = sensor.Read();

            Assert.Equal(-12.34, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(67.8, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(987.65, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Bme280_FollowsTheAmbientFromReadToRead()
        {
            FixedAmbient ambient = new FixedAmbient();
            using Bme280 sensor = NewBme280(ambient);

            for (int i = 0; i < 5; i++)
            {
                ambient.TemperatureC = 15.0 + (i * 3.3);
                ambient.HumidityPercent = 30.0 + (i * 11.0);
                ambient.PressureHpa = 980.0 + (i * 13.0);

                Bme280ReadResult result = sensor.Read();

                Assert.Equal(ambient.TemperatureC, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(ambient.HumidityPercent, result.Humidity.Value.Percent, PercentTolerance);
                Assert.Equal(ambient.PressureHpa, result.Pressure.Value.Hectopascals, HectopascalTolerance);
            }
        }

        [Fact]
        public void Bme280_InNormalMode_ReadsWithoutTriggering()
        {
            FixedAmbient ambient = new FixedAmbient(18.0, 60.0, 1020.0);
            using Bme280 sensor = NewBme280(ambient);
            sensor.StandbyTime = StandbyTime.Ms0_5;
            sensor.SetPowerMode(Bmx280PowerMode.Normal);

            Bme280ReadResult result = sensor.Read();

            Assert.Equal(Bmx280PowerMode.Normal, sensor.ReadPowerMode());
            Assert.Equal(18.0, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(60.0, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(1020.0, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Bme280_WithTheFilter_SettlesOnTheAmbient()
        {
            FixedAmbient ambient = new FixedAmbient(20.0, 50.0, 1000.0);
            using Bme280 sensor = NewBme280(ambient);
            sensor.FilterMode = Bmx280FilteringMode.X4;
            sensor.Read();

            ambient.PressureHpa = 1010.0;
            double firstAfterStep = sensor.Read().Pressure.Value.Hectopascals;
            for (int i = 0; i < 40; i++)
            {
                sensor.Read();
            }

            Assert.Equal(1002.5, firstAfterStep, 0.1); // (3 · 1000 + 1010) / 4: the filter lags a step
            Assert.Equal(1010.0, sensor.Read().Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Bme280_WithRealTime_ReadsTheAmbient()
        {
            // The binding sleeps its own estimate of the conversion time, which is longer than the datasheet maximum the
            // chip uses at every oversampling, so this holds however late Thread.Sleep returns.
            FixedAmbient ambient = new FixedAmbient(24.6, 38.2, 1001.1);
            using Bme280 sensor = new Bme280(new VirtualBmx280(BoschVariant.Bme280, 0x76, ambient));

            Bme280ReadResult result = sensor.Read();

            Assert.Equal(24.6, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(38.2, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(1001.1, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Bme280_ReadsADriftingAmbientAsItIsAtThatMoment()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed: 7, time.Reading);
            using Bme280 sensor = NewBme280(ambient);

            for (int minute = 0; minute < 90; minute += 15)
            {
                time.Advance(15 * 60);

                Bme280ReadResult result = sensor.Read();

                Assert.Equal(ambient.TemperatureC, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(ambient.HumidityPercent, result.Humidity.Value.Percent, PercentTolerance);
                Assert.Equal(ambient.PressureHpa, result.Pressure.Value.Hectopascals, HectopascalTolerance);
            }
        }

        [Theory]
        [InlineData(BoschVariant.Bmp280)]
        [InlineData(BoschVariant.Bme280)]
        public void Binding_ForTheOtherChip_RejectsItsChipId(BoschVariant variant)
        {
            VirtualBmx280 chip = new VirtualBmx280(variant, 0x76, new FixedAmbient(), ManualClock.Stepping().Reading);

            IOException error = variant == BoschVariant.Bmp280
                ? Assert.Throws<IOException>(() => new Bme280(chip))
                : Assert.Throws<IOException>(() => new Bmp280(chip));

            Assert.Contains(variant == BoschVariant.Bmp280 ? "Found one with id 88" : "Found one with id 96", error.Message);
        }

        [Fact]
        public void Binding_Reset_RestoresItsDefaultsOnTheChip()
        {
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, new FixedAmbient(), ManualClock.Stepping().Reading);
            using Bme280 sensor = new Bme280(chip);
            sensor.TemperatureSampling = Sampling.UltraHighResolution;
            sensor.FilterMode = Bmx280FilteringMode.X16;
            sensor.SetPowerMode(Bmx280PowerMode.Normal);
            sensor.SetPowerMode(Bmx280PowerMode.Sleep);

            sensor.Reset();

            // The chip's power-on state (all zero) plus the binding's defaults: x1 everywhere, sleep, filter off, t_sb 125 ms.
            Assert.Equal(new byte[] { 0x01, 0x00, 0b001_001_00, 0b010_000_00 }, ChipBus.Read(chip, Bmx280Registers.CtrlHum, 4));
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, ChipBus.Read(chip, Bmx280Registers.PressMsb, 8));
        }

        [Fact]
        public void SkippedHumidity_ReadsAsNull()
        {
            using Bme280 sensor = NewBme280(new FixedAmbient(22.0, 40.0, 1005.0));
            sensor.HumiditySampling = Sampling.Skipped;

            Bme280ReadResult result = sensor.Read();

            Assert.Null(result.Humidity);
            Assert.Equal(22.0, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(1005.0, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void SkippedPressure_ReadsAsNull()
        {
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, new FixedAmbient(22.0, 40.0, 1005.0), ManualClock.Stepping().Reading);
            using Bme280 sensor = new Bme280(chip);
            sensor.PressureSampling = Sampling.Skipped;

            Bme280ReadResult result = sensor.Read();

            Assert.Null(result.Pressure);
            Assert.Equal(40.0, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.PressMsb, 3));
        }

        [Fact]
        public void SkippedTemperature_ReadsAsNull_AndTheOthersUseTheLastTemperatureTheBindingRead()
        {
            // The binding compensates pressure and humidity with the t_fine of its last temperature read; with temperature
            // skipped that value goes stale — right here only because the temperature has not changed since.
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, new FixedAmbient(22.0, 40.0, 1005.0), ManualClock.Stepping().Reading);
            using Bme280 sensor = new Bme280(chip);
            sensor.Read();
            sensor.TemperatureSampling = Sampling.Skipped;

            Bme280ReadResult result = sensor.Read();

            Assert.Null(result.Temperature);
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.TempMsb, 3));
            Assert.Equal(40.0, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(1005.0, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Bmp280_SkippedTemperatureAndPressure_ReadAsNull()
        {
            using Bmp280 sensor = new Bmp280(new VirtualBmx280(BoschVariant.Bmp280, 0x76, new FixedAmbient(), ManualClock.Stepping().Reading));
            sensor.TemperatureSampling = Sampling.Skipped;
            sensor.PressureSampling = Sampling.Skipped;

            Bmp280ReadResult result = sensor.Read();

            Assert.Null(result.Temperature);
            Assert.Null(result.Pressure);
        }

        private static Bme280 NewBme280(IAmbient ambient)
        {
            return new Bme280(new VirtualBmx280(BoschVariant.Bme280, 0x76, ambient, ManualClock.Stepping().Reading));
        }
    }
}
