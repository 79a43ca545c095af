using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Sensors;

namespace SensorNode.HostBoard.Sensors
{
    /// <summary>BMP280 through .NET IoT's binding, with the device build's settings (forced mode, 1x, filter off).</summary>
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
            values[0] = result.Temperature?.DegreesCelsius ?? double.NaN;
            values[1] = result.Pressure?.Hectopascals ?? double.NaN;
        }
    }
}
