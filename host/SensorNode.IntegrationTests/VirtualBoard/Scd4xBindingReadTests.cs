using System.Linq;
using System.Threading.Tasks;
using Iot.Device.Scd4x;
using SensorNode.HostBoard.I2c;
using UnitsNet;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The virtual SCD4x read through the real Iot.Device.Scd4x binding (Iot.Device.Bindings 4.2.0). The binding times the
    /// 5 s measurement interval with its own real sleeps, so every read here takes 5 s however the chip's clock is moved;
    /// the chip's clock (moved by hand) decides alone whether data is ready, so nothing asserted depends on timing.
    /// </summary>
    public class Scd4xBindingReadTests
    {
        // The binding decodes with 175/65535 and 100/65535 where the datasheet (and the chip) use 65536: up to 0.0027 °C
        // and 0.0015 %RH off at the top of the range, plus half a step of rounding.
        private const double CelsiusTolerance = 0.005;
        private const double PercentTolerance = 0.003;

        [Fact]
        public async Task DecodesTheAmbient_AcrossTheRange()
        {
            FixedAmbient[] ambients =
            {
                new FixedAmbient(21.5, 45.0, co2Ppm: 420.0),
                new FixedAmbient(-10.0, 0.0, co2Ppm: 400.0),
                new FixedAmbient(-0.01, 12.34, co2Ppm: 1500.0),
                new FixedAmbient(37.77, 88.88, co2Ppm: 5000.0),
                new FixedAmbient(60.0, 100.0, co2Ppm: 40000.0),
            };
            ManualClock clock = new ManualClock();
            Scd4x[] sensors = ambients.Select(ambient => new Scd4x(new VirtualScd4x(ambient, clock.Reading))).ToArray();
            foreach (Scd4x sensor in sensors)
            {
                sensor.StartPeriodicMeasurements();
            }

            clock.Advance(Scd4xCommands.MeasurementIntervalSeconds);
            // All at once: each read sleeps the binding's 5 s, asynchronously.
            var results = await Task.WhenAll(sensors.Select(sensor => sensor.ReadPeriodicMeasurementAsync().AsTask()));

            for (int i = 0; i < ambients.Length; i++)
            {
                Assert.Equal(ambients[i].Co2Ppm, results[i].CarbonDioxide.Value.PartsPerMillion, 0.5);
                Assert.Equal(ambients[i].TemperatureC, results[i].Temperature.Value.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(ambients[i].HumidityPercent, results[i].RelativeHumidity.Value.Percent, PercentTolerance);
            }

            await Task.WhenAll(sensors.Select(sensor => Task.Run(sensor.Dispose))); // each sleeps 500 ms after its stop
        }

        [Fact]
        public void ARead_SendsTheCommandsTheDatasheetDescribes_AndTheValuesStayUntilTheNextPeriod()
        {
            ManualClock clock = new ManualClock();
            FixedAmbient ambient = new FixedAmbient(22.2, 41.0, co2Ppm: 987.0);
            RecordingI2cDevice bus = new RecordingI2cDevice(new VirtualScd4x(ambient, clock.Reading));

            using (Scd4x sensor = new Scd4x(bus))
            {
                Assert.Equal(new[] { "W 3F86", "W 3646" }, bus.Transfers); // Reset(): stop, reinit

                sensor.StartPeriodicMeasurements();
                clock.Advance(Scd4xCommands.MeasurementIntervalSeconds);
                var result = sensor.ReadPeriodicMeasurement();
                ambient.Co2Ppm = 1200.0;

                Assert.Equal(987.0, result.CarbonDioxide.Value.PartsPerMillion);
                Assert.Equal(987.0, sensor.Co2.PartsPerMillion); // within the period: the last result, no transfer
                Assert.Equal(22.2, sensor.Temperature.DegreesCelsius, CelsiusTolerance);
                Assert.Equal(41.0, sensor.RelativeHumidity.Percent, PercentTolerance);
                Assert.Equal(new[] { "W 3F86", "W 3646", "W 21B1", "W E4B8", "R 3", "W EC05", "R 9" }, bus.Transfers);
            }

            Assert.Equal("W 3F86", bus.Transfers[^1]); // Dispose stops the periodic measurement
        }

        [Fact]
        public void SetPressureCalibration_IsAcceptedDuringPeriodicMeasurement()
        {
            // Iot.Device.Bindings 4.2.0 clamps the pressure to 0..1 Pa before scaling it, so it always sends 0 hPa.
            RecordingI2cDevice bus = new RecordingI2cDevice(new VirtualScd4x(new FixedAmbient(), new ManualClock().Reading));
            Scd4x sensor = new Scd4x(bus);
            sensor.StartPeriodicMeasurements();

            sensor.SetPressureCalibration(Pressure.FromHectopascals(1013.25));

            Assert.Equal("W E000000081", bus.Transfers[^1]); // the word 0x0000 and its CRC, 0x81
        }
    }
}
