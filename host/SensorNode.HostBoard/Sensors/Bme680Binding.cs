using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Sensors;

namespace SensorNode.HostBoard.Sensors
{
    /// <summary>
    /// BME680 through .NET IoT's binding with its default settings, as the device build keeps them (x1 everywhere, filter
    /// off, heater profile 1 at 320 °C for 150 ms): each Read() runs one forced cycle, heating included.
    /// </summary>
    public sealed class Bme680Binding : IChipBinding
    {
        private readonly Bme680 _chip;

        public Bme680Binding(I2cDevice device)
        {
            _chip = new Bme680(device);
        }

        public void Measure(double[] values)
        {
            Bme680ReadResult result = _chip.Read();
            values[0] = result.Temperature?.DegreesCelsius ?? double.NaN;
            values[1] = result.Humidity?.Percent ?? double.NaN;
            values[2] = result.Pressure?.Hectopascals ?? double.NaN;
            values[3] = result.GasResistance?.Ohms ?? double.NaN;
        }
    }
}
