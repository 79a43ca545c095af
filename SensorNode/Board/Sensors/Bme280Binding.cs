using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// BME280 through nanoFramework.Iot.Device.Bmxx80. Settings follow the datasheet's "weather monitoring"
    /// recommendation (section 3.5.1): forced mode, 1x oversampling for all three, filter off — one measurement per
    /// telemetry cycle, about 8 ms awake, and no stale filtered values after a long sleep.
    /// </summary>
    public sealed class Bme280Binding : IChipBinding
    {
        private readonly Bme280 _chip;

        public Bme280Binding(I2cDevice device)
        {
            _chip = new Bme280(device);
            _chip.TemperatureSampling = Sampling.UltraLowPower;
            _chip.PressureSampling = Sampling.UltraLowPower;
            _chip.HumiditySampling = Sampling.UltraLowPower;
            _chip.FilterMode = Bmx280FilteringMode.Off;
        }

        public void Measure(double[] values)
        {
            Bme280ReadResult result = _chip.Read();
            values[0] = result.TemperatureIsValid ? UnitsNetValues.DegreesCelsius(result.Temperature) : double.NaN;
            values[1] = result.HumidityIsValid ? UnitsNetValues.Percent(result.Humidity) : double.NaN;
            values[2] = result.PressureIsValid ? UnitsNetValues.Hectopascals(result.Pressure) : double.NaN;
        }
    }
}
