using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// BME680: temperature, humidity, pressure and gas resistance. The binding's default heater profile is kept;
    /// its Read() runs one forced measurement including the heater phase.
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
            values[0] = result.TemperatureIsValid ? UnitsNetValues.DegreesCelsius(result.Temperature) : double.NaN;
            values[1] = result.HumidityIsValid ? UnitsNetValues.Percent(result.Humidity) : double.NaN;
            values[2] = result.PressureIsValid ? UnitsNetValues.Hectopascals(result.Pressure) : double.NaN;
            values[3] = result.GasResistanceIsValid ? UnitsNetValues.Ohms(result.GasResistance) : double.NaN;
        }
    }
}
