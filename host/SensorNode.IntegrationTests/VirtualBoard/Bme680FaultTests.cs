using System.IO;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>What the injected faults look like on the virtual BME680's bus and through the real binding.</summary>
    public class Bme680FaultTests
    {
        private readonly FixedAmbient _ambient = new FixedAmbient(20.0, 50.0, 1000.0, gasResistanceOhms: 60000.0);

        [Fact]
        public void Nack_FailsEveryTransferWithTheLinuxDriversIOException()
        {
            VirtualBme680 chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => chip.ReadByte());
            Assert.Throws<IOException>(() => chip.WriteByte(Bme680Registers.ChipId));
            Assert.Throws<IOException>(() => chip.Read(new byte[3]));
            Assert.Throws<IOException>(() => chip.Write(new byte[] { Bme680Registers.CtrlMeas, 0x25 }));
            IOException error = Assert.Throws<IOException>(() => chip.WriteRead(new[] { Bme680Registers.ChipId }, new byte[1]));
            Assert.Equal("Error 121 (Remote I/O error) performing I2C data transfer.", error.Message);
        }

        [Fact]
        public void Nack_ChangesNoRegister()
        {
            VirtualBme680 chip = NewChip();
            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => chip.Write(new byte[] { Bme680Registers.CtrlGas1, Bme680Registers.RunGas }));

            chip.Fault = ChipFault.None;

            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.CtrlGas1));
        }

        [Fact]
        public void Nack_AtStartUp_MakesTheBindingsConstructorThrow()
        {
            VirtualBme680 chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => new Bme680(chip));
        }

        [Fact]
        public void Nack_MakesTheBindingsReadThrow_UntilTheChipAnswersAgain()
        {
            VirtualBme680 chip = NewChip();
            using Bme680 sensor = new Bme680(chip);

            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => sensor.Read());

            chip.Fault = ChipFault.None;
            Bme680ReadResult result = sensor.Read();
            Assert.Equal(20.0, result.Temperature.Value.DegreesCelsius, 0.01);
            Assert.Equal(60000.0, result.GasResistance.Value.Ohms, 60.0);
        }

        [Fact]
        public void StuckMeasurement_TheBindingKeepsReturningTheLastValues_WithoutAnError()
        {
            VirtualBme680 chip = NewChip();
            using Bme680 sensor = new Bme680(chip);
            Bme680ReadResult before = sensor.Read();

            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            _ambient.HumidityPercent = 70.0;
            _ambient.PressureHpa = 980.0;
            _ambient.GasResistanceOhms = 25000.0;
            Bme680ReadResult stuck = sensor.Read();
            Bme680ReadResult stillStuck = sensor.Read();

            Assert.Equal(before.Temperature, stuck.Temperature);
            Assert.Equal(before.Humidity, stuck.Humidity);
            Assert.Equal(before.Pressure, stuck.Pressure);
            Assert.Equal(before.GasResistance, stuck.GasResistance);
            Assert.Equal(before.Temperature, stillStuck.Temperature);
            Assert.Equal(before.GasResistance, stillStuck.GasResistance);
            Assert.True(sensor.ReadMeasurementInProcess());
            Assert.False(sensor.ReadNewDataIsAvailable());
            Assert.Equal(Bme680PowerMode.Forced, sensor.ReadPowerMode()); // never returns to sleep
        }

        [Fact]
        public void StuckMeasurement_SinceReset_TheBindingDecodesTheResetValues_AndNoGasResistance()
        {
            // Nothing measured since the binding's reset: the data registers still hold 0x80000 / 0x8000, which the
            // binding cannot tell from a measurement; gas_valid is clear, so it does report no gas resistance.
            VirtualBme680 chip = NewChip();
            chip.Fault = ChipFault.StuckMeasurement;
            using Bme680 sensor = new Bme680(chip);

            Bme680ReadResult result = sensor.Read();

            Bme680Compensation compensation = new Bme680Compensation(Bme680Calibration.Typical);
            double celsius = compensation.Temperature(Bme680Registers.SkippedTemperatureOrPressure, out double tFine);
            Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, 0.001);
            Assert.Equal(compensation.Humidity(Bme680Registers.SkippedHumidity, tFine), result.Humidity.Value.Percent, 0.01);
            Assert.Equal(compensation.Pressure(Bme680Registers.SkippedTemperatureOrPressure, tFine), result.Pressure.Value.Pascals, 1.0);
            Assert.Null(result.GasResistance);
        }

        [Fact]
        public void StuckMeasurement_Cleared_TheNextReadMeasuresAgain()
        {
            VirtualBme680 chip = NewChip();
            using Bme680 sensor = new Bme680(chip);
            sensor.Read();
            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            sensor.Read();

            chip.Fault = ChipFault.None;
            _ambient.TemperatureC = 31.0;
            _ambient.GasResistanceOhms = 90000.0;
            Bme680ReadResult result = sensor.Read();

            Assert.Equal(31.0, result.Temperature.Value.DegreesCelsius, 0.01);
            Assert.Equal(90000.0, result.GasResistance.Value.Ohms, 90.0);
            Assert.False(sensor.ReadMeasurementInProcess());
        }

        [Fact]
        public void StuckMeasurement_OnTheBus_KeepsTheMeasuringBitsAndTheData()
        {
            ManualClock clock = new ManualClock();
            VirtualBme680 chip = new VirtualBme680(0x76, _ambient, clock.Reading);
            ChipBus.Write(chip, Bme680Registers.CtrlHum, 0b001);
            ChipBus.Write(chip, Bme680Registers.CtrlMeas, 0b001_001_01);
            clock.AdvanceMs(20);
            int before = ChipBus.Read20(chip, Bme680Registers.TempMsb);

            chip.Fault = ChipFault.StuckMeasurement;
            ChipBus.Write(chip, Bme680Registers.CtrlMeas, 0b001_001_01);
            _ambient.TemperatureC = 35.0;
            clock.Advance(60);

            Assert.Equal(before, ChipBus.Read20(chip, Bme680Registers.TempMsb));
            Assert.Equal(Bme680Registers.StatusMeasuring, ChipBus.Read(chip, Bme680Registers.MeasStatus0));
            Assert.Equal(0b001_001_01, ChipBus.Read(chip, Bme680Registers.CtrlMeas));
        }

        private VirtualBme680 NewChip()
        {
            return new VirtualBme680(0x76, _ambient, ManualClock.Stepping().Reading);
        }
    }
}
