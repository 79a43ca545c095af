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
    public sealed class Bme680Sensor : BoschSensor
    {
        private readonly Bme680 _chip;

        public Bme680Sensor(string id, I2cDevice device)
            : base(id, BoschChipKind.Bme680, 0x61, device)
        {
            _chip = new Bme680(device);
        }

        protected override void ReadInto(double[] values)
        {
            Bme680ReadResult result = _chip.Read();
            values[0] = result.TemperatureIsValid ? result.Temperature.DegreesCelsius : double.NaN;
            values[1] = result.HumidityIsValid ? result.Humidity.Percent : double.NaN;
            values[2] = result.PressureIsValid ? result.Pressure.Hectopascals : double.NaN;
            values[3] = result.GasResistanceIsValid ? result.GasResistance.Ohms : double.NaN;
        }
    }
}
