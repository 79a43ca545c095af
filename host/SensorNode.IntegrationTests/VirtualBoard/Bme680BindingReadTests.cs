using System;
using System.IO;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.HostBoard.I2c;
using UnitsNet;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The virtual BME680 read through the real Iot.Device.Bmxx80.Bme680 binding (Iot.Device.Bindings 4.2.0) with its
    /// default settings, as the host board reads it: the binding must decode what the chip reports back to the ambient.
    /// </summary>
    public class Bme680BindingReadTests
    {
        // At the binding's x1 oversampling with the filter off, temperature and pressure are 16-bit conversions: one step
        // is about 0.005 °C and 2.7 Pa with the typical trimming, and the chip reports the nearest step. Humidity is
        // always 16-bit (about 0.004 %RH a step).
        private const double CelsiusTolerance = 0.01;
        private const double PercentTolerance = 0.01;
        private const double HectopascalTolerance = 0.03;

        // One gas code is at most about 0.08 % of the resistance in the range the chip picks; the nearest code is within half that.
        private const double GasRelativeTolerance = 0.001;

        [Theory]
        [InlineData(21.5, 45.0, 1013.25)]
        [InlineData(-20.0, 10.0, 950.0)]
        [InlineData(40.0, 90.0, 1050.0)]
        [InlineData(-20.0, 90.0, 1050.0)]
        [InlineData(40.0, 10.0, 950.0)]
        [InlineData(0.0, 50.0, 1000.0)]
        [InlineData(-40.0, 0.0, 300.0)]
        [InlineData(85.0, 100.0, 1100.0)]
        [InlineData(-40.0, 100.0, 1100.0)]
        [InlineData(85.0, 0.0, 300.0)]
        public void DecodesTheAmbient_AcrossTheOperatingRange(double celsius, double percent, double hectopascals)
        {
            using Bme680 sensor = NewBme680(new FixedAmbient(celsius, percent, hectopascals));

            Bme680ReadResult result = sensor.Read();

            Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(percent, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(hectopascals, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Theory]
        [InlineData(Sampling.LowPower)]
        [InlineData(Sampling.Standard)]
        [InlineData(Sampling.HighResolution)]
        [InlineData(Sampling.UltraHighResolution)]
        public void DecodesTheAmbient_AtEveryOversampling(Sampling sampling)
        {
            using Bme680 sensor = NewBme680(new FixedAmbient(-12.34, 67.8, 987.65));
            sensor.TemperatureSampling = sampling;
            sensor.PressureSampling = sampling;
            sensor.HumiditySampling = sampling;

            Bme680ReadResult result = sensor.Read();

            Assert.Equal(-12.34, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(67.8, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(987.65, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Theory]
        [InlineData(20000.0)]
        [InlineData(50000.0)]
        [InlineData(123456.0)]
        [InlineData(200000.0)]
        [InlineData(1000.0)]
        [InlineData(5000000.0)]
        public void GasResistance_DecodesToWhatTheChipWasTold(double ohms)
        {
            using Bme680 sensor = NewBme680(new FixedAmbient(gasResistanceOhms: ohms));

            Bme680ReadResult result = sensor.Read();

            Assert.NotNull(result.GasResistance);
            Assert.Equal(ohms, result.GasResistance.Value.Ohms, ohms * GasRelativeTolerance);
        }

        [Fact]
        public void FollowsTheAmbientFromReadToRead()
        {
            FixedAmbient ambient = new FixedAmbient();
            using Bme680 sensor = NewBme680(ambient);

            for (int i = 0; i < 4; i++)
            {
                ambient.TemperatureC = 15.0 + (i * 3.3);
                ambient.HumidityPercent = 30.0 + (i * 11.0);
                ambient.PressureHpa = 980.0 + (i * 13.0);
                ambient.GasResistanceOhms = 30000.0 + (i * 41000.0);

                Bme680ReadResult result = sensor.Read();

                Assert.Equal(ambient.TemperatureC, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(ambient.HumidityPercent, result.Humidity.Value.Percent, PercentTolerance);
                Assert.Equal(ambient.PressureHpa, result.Pressure.Value.Hectopascals, HectopascalTolerance);
                Assert.Equal(ambient.GasResistanceOhms, result.GasResistance.Value.Ohms, ambient.GasResistanceOhms * GasRelativeTolerance);
            }
        }

        [Fact]
        public void ReadsADriftingAmbientAsItIsAtThatMoment()
        {
            ManualClock time = new ManualClock();
            DriftingAmbient ambient = new DriftingAmbient(seed: 11, time.Reading);
            using Bme680 sensor = new Bme680(new VirtualBme680(0x77, ambient, ManualClock.Stepping().Reading));

            for (int minute = 0; minute < 60; minute += 15)
            {
                time.Advance(15 * 60);

                Bme680ReadResult result = sensor.Read();

                Assert.Equal(ambient.TemperatureC, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(ambient.HumidityPercent, result.Humidity.Value.Percent, PercentTolerance);
                Assert.Equal(ambient.PressureHpa, result.Pressure.Value.Hectopascals, HectopascalTolerance);
                Assert.Equal(ambient.GasResistanceOhms, result.GasResistance.Value.Ohms, ambient.GasResistanceOhms * GasRelativeTolerance);
            }
        }

        [Fact]
        public void HeatingTooShortToSettle_LeavesHeatStabClear_AndTheBindingReportsNoGasResistance()
        {
            VirtualBme680 chip = new VirtualBme680(0x76, new FixedAmbient(), ManualClock.Stepping().Reading);
            using Bme680 sensor = new Bme680(chip);
            sensor.ConfigureHeatingProfile(Bme680HeaterProfile.Profile1, Temperature.FromDegreesCelsius(320), Duration.FromMilliseconds(10), Temperature.FromDegreesCelsius(21.5));

            Bme680ReadResult result = sensor.Read();

            Assert.Null(result.GasResistance);
            Assert.False(sensor.ReadHeaterIsStable());
            Assert.Equal(Bme680Registers.GasValid, ChipBus.Read(chip, Bme680Registers.GasRLsb) & (Bme680Registers.GasValid | Bme680Registers.HeatStable));
            Assert.NotNull(result.Temperature);
        }

        [Fact]
        public void HeaterOff_TheGasConversionRunsButNeverSettles()
        {
            using Bme680 sensor = NewBme680(new FixedAmbient());
            sensor.HeaterIsEnabled = false;

            Assert.Null(sensor.Read().GasResistance);
        }

        [Fact]
        public void GasConversionOff_ReadsNoGasResistance_AndTheOthersStillDecode()
        {
            using Bme680 sensor = NewBme680(new FixedAmbient(22.0, 40.0, 1005.0));
            sensor.GasConversionIsEnabled = false;

            Bme680ReadResult result = sensor.Read();

            Assert.Null(result.GasResistance);
            Assert.Equal(22.0, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(40.0, result.Humidity.Value.Percent, PercentTolerance);
            Assert.Equal(1005.0, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void SkippedHumidity_ReadsAsNull()
        {
            using Bme680 sensor = NewBme680(new FixedAmbient(22.0, 40.0, 1005.0));
            sensor.HumiditySampling = Sampling.Skipped;

            Bme680ReadResult result = sensor.Read();

            Assert.Null(result.Humidity);
            Assert.Equal(22.0, result.Temperature.Value.DegreesCelsius, CelsiusTolerance);
            Assert.Equal(1005.0, result.Pressure.Value.Hectopascals, HectopascalTolerance);
        }

        [Fact]
        public void Binding_WritesItsDefaultHeaterSetPoint_AndGasControl()
        {
            VirtualBme680 chip = new VirtualBme680(0x76, new FixedAmbient(), ManualClock.Stepping().Reading);
            using Bme680 sensor = new Bme680(chip);

            // 150 ms does not fit 6 bits: the binding writes 37 × 4 = 148 ms (factor code 01 in bits 7:6).
            Assert.Equal(0b01_100101, ChipBus.Read(chip, Bme680Registers.GasWait0));
            Assert.InRange(ChipBus.Read(chip, Bme680Registers.ResHeat0), 1, 255);
            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.CtrlGas0));                         // heater on
            Assert.Equal(Bme680Registers.RunGas, ChipBus.Read(chip, Bme680Registers.CtrlGas1));      // run_gas, set-point 0
            Assert.Equal(0b001_001_00, ChipBus.Read(chip, Bme680Registers.CtrlMeas));                // x1, x1, sleep again
            Assert.Equal(0b001, ChipBus.Read(chip, Bme680Registers.CtrlHum));
            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.Config));                          // filter off
        }

        [Fact]
        public void ChipId_Is0x61_AndTheBme280BindingRejectsIt()
        {
            VirtualBme680 chip = new VirtualBme680(0x76, new FixedAmbient(), ManualClock.Stepping().Reading);

            Assert.Equal(0x61, ChipBus.Read(chip, Bme680Registers.ChipId));
            IOException error = Assert.Throws<IOException>(() => new Bme280(chip));
            Assert.Contains("Found one with id 97", error.Message);
        }

        [Fact]
        public void Bme680Binding_RejectsABme280()
        {
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, new FixedAmbient(), ManualClock.Stepping().Reading);

            IOException error = Assert.Throws<IOException>(() => new Bme680(chip));
            Assert.Contains("Found one with id 96", error.Message);
        }

        private static Bme680 NewBme680(IAmbient ambient)
        {
            return new Bme680(new VirtualBme680(0x76, ambient, ManualClock.Stepping().Reading));
        }
    }
}
