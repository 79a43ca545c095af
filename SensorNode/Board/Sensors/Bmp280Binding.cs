using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>BMP280 (temperature and pressure only); same weather-monitoring settings as the BME280.</summary>
    public sealed class Bmp280Binding : IChipBinding
    {
        private readonly Bmp280 _chip;

        public Bmp280Binding(I2cDevice device)
        {
            _chip = new Bmp280(device);
            _chip.TemperatureSampling = Sampling.UltraLowPower;
            _chip.PressureSampling = Sampling.UltraLowPower;
            _chip.FilterMode = Bmx280FilteringMode.Off;
        }

        public void Measure(double[] values)
        {
            Bmp280ReadResult result = _chip.Read();
            values[0] = result.TemperatureIsValid ? UnitsNetValues.DegreesCelsius(result.Temperature) : double.NaN;
            values[1] = result.PressureIsValid ? UnitsNetValues.Hectopascals(result.Pressure) : double.NaN;
        }
    }
}
