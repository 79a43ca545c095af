using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// BME680: temperature, humidity, pressure and gas resistance. The binding's default heater profile is kept;
    /// its Read() runs one forced measurement including the heater phase.
    /// </summary>
    public sealed class Bme680Driver : BoschDriver
    {
        private readonly Bme680 _chip;

        public Bme680Driver(I2cDevice device)
            : base(device)
        {
            _chip = new Bme680(device);
        }

        public override void Measure(double[] values)
        {
            Bme680ReadResult result = _chip.Read();
            values[0] = result.TemperatureIsValid ? DegreesCelsius(result.Temperature) : double.NaN;
            values[1] = result.HumidityIsValid ? Percent(result.Humidity) : double.NaN;
            values[2] = result.PressureIsValid ? Hectopascals(result.Pressure) : double.NaN;
            values[3] = result.GasResistanceIsValid ? Ohms(result.GasResistance) : double.NaN;
        }
    }
}
