using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.ReadResult;

namespace SensorNode.Board.Sensors
{
    /// <summary>BMP280 (temperature and pressure only); same weather-monitoring settings as the BME280.</summary>
    public sealed class Bmp280Driver : BoschDriver
    {
        private readonly Bmp280 _chip;

        public Bmp280Driver(I2cDevice device)
            : base(device)
        {
            _chip = new Bmp280(device);
            _chip.TemperatureSampling = Sampling.UltraLowPower;
            _chip.PressureSampling = Sampling.UltraLowPower;
            _chip.FilterMode = Bmx280FilteringMode.Off;
        }

        public override void Measure(double[] values)
        {
            Bmp280ReadResult result = _chip.Read();
            values[0] = result.TemperatureIsValid ? DegreesCelsius(result.Temperature) : double.NaN;
            values[1] = result.PressureIsValid ? Hectopascals(result.Pressure) : double.NaN;
        }
    }
}
