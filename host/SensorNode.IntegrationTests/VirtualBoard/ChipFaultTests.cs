using System.IO;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>What the injected faults look like on the bus and through the real binding.</summary>
    public class ChipFaultTests
    {
        private readonly FixedAmbient _ambient = new FixedAmbient(20.0, 50.0, 1000.0);

        [Fact]
        public void Nack_FailsEveryTransferWithTheLinuxDriversIOException()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => chip.ReadByte());
            Assert.Throws<IOException>(() => chip.WriteByte(Bmx280Registers.ChipId));
            Assert.Throws<IOException>(() => chip.Read(new byte[3]));
            Assert.Throws<IOException>(() => chip.Write(new byte[] { Bmx280Registers.CtrlMeas, 0x25 }));
            IOException error = Assert.Throws<IOException>(() => chip.WriteRead(new[] { Bmx280Registers.ChipId }, new byte[1]));
            Assert.Equal("Error 121 (Remote I/O error) performing I2C data transfer.", error.Message);
        }

        [Fact]
        public async System.Threading.Tasks.Task BusHang_BlocksATransferUntilHealed_ThenItCompletes()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            chip.Fault = ChipFault.BusHang;

            System.Threading.Tasks.Task<byte> read = System.Threading.Tasks.Task.Run(() => ChipBus.Read(chip, Bmx280Registers.ChipId));
            Assert.False(await Finishes(read, 300), "a transfer completed on a hung bus");

            chip.Fault = ChipFault.None;
            Assert.True(await Finishes(read, 5000), "the transfer did not end after healing");
            Assert.Equal(0x60, await read);
        }

        private static async System.Threading.Tasks.Task<bool> Finishes(System.Threading.Tasks.Task task, int withinMs)
        {
            return await System.Threading.Tasks.Task.WhenAny(task, System.Threading.Tasks.Task.Delay(withinMs)) == task;
        }

        [Fact]
        public void Nack_ChangesNoRegister()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => chip.Write(new byte[] { Bmx280Registers.Config, 0xA0 }));

            chip.Fault = ChipFault.None;

            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.Config));
        }

        [Fact]
        public void Nack_AtStartUp_MakesTheBindingsConstructorThrow()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => new Bme280(chip));
        }

        [Fact]
        public void Nack_MakesTheBindingsReadThrow_UntilTheChipAnswersAgain()
        {
            using Bme280 sensor = new Bme280(NewChip(BoschVariant.Bme280, out VirtualBmx280 chip));

            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => sensor.Read());

            chip.Fault = ChipFault.None;
            Bme280ReadResult result = sensor.Read();
            Assert.Equal(20.0, result.Temperature.Value.DegreesCelsius, 0.01);
        }

        [Fact]
        public void Nack_MakesTheBmp280BindingsReadThrow()
        {
            using Bmp280 sensor = new Bmp280(NewChip(BoschVariant.Bmp280, out VirtualBmx280 chip));
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => sensor.Read());
        }

        [Fact]
        public void StuckMeasurement_TheBindingKeepsReturningTheLastValues_WithoutAnError()
        {
            using Bme280 sensor = new Bme280(NewChip(BoschVariant.Bme280, out VirtualBmx280 chip));
            Bme280ReadResult before = sensor.Read();

            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            _ambient.HumidityPercent = 70.0;
            _ambient.PressureHpa = 980.0;
            Bme280ReadResult stuck = sensor.Read();
            Bme280ReadResult stillStuck = sensor.Read();

            Assert.Equal(before.Temperature, stuck.Temperature);
            Assert.Equal(before.Humidity, stuck.Humidity);
            Assert.Equal(before.Pressure, stuck.Pressure);
            Assert.Equal(before.Temperature, stillStuck.Temperature);
            Assert.True(sensor.ReadStatus().Measuring);
            Assert.Equal(Bmx280PowerMode.Forced, sensor.ReadPowerMode()); // never returns to sleep
        }

        [Fact]
        public void StuckMeasurement_SinceReset_TheBindingDecodesTheResetValues()
        {
            // Nothing measured since the binding's reset: the data registers still hold 0x80000 / 0x8000, which the
            // binding cannot tell from a measurement (it only knows "skipped" from its own sampling settings).
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            chip.Fault = ChipFault.StuckMeasurement;
            using Bme280 sensor = new Bme280(chip);

            Bme280ReadResult result = sensor.Read();

            Bmx280Compensation compensation = new Bmx280Compensation(Bmx280Calibration.Typical);
            double celsius = compensation.Temperature(Bmx280Registers.SkippedTemperatureOrPressure, out int tFine);
            Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, 0.001);
            Assert.Equal(compensation.Humidity(Bmx280Registers.SkippedHumidity, tFine), result.Humidity.Value.Percent, 0.01);
            Assert.Equal(compensation.Pressure(Bmx280Registers.SkippedTemperatureOrPressure, tFine), result.Pressure.Value.Pascals, 1.0);
        }

        [Fact]
        public void StuckMeasurement_Cleared_TheNextReadMeasuresAgain()
        {
            using Bme280 sensor = new Bme280(NewChip(BoschVariant.Bme280, out VirtualBmx280 chip));
            sensor.Read();
            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            sensor.Read();

            chip.Fault = ChipFault.None;
            _ambient.TemperatureC = 31.0;
            Bme280ReadResult result = sensor.Read();

            Assert.Equal(31.0, result.Temperature.Value.DegreesCelsius, 0.01);
            Assert.False(sensor.ReadStatus().Measuring);
        }

        [Fact]
        public void StuckMeasurement_InNormalMode_KeepsTheMeasuringBitAndTheData()
        {
            ManualClock clock = new ManualClock();
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, _ambient, clock.Reading);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, 0b001_001_11);
            clock.AdvanceMs(10);
            int before = ChipBus.Read20(chip, Bmx280Registers.TempMsb);

            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 35.0;
            clock.Advance(60);

            Assert.Equal(before, ChipBus.Read20(chip, Bmx280Registers.TempMsb));
            Assert.Equal(Bmx280Registers.StatusMeasuring, ChipBus.Read(chip, Bmx280Registers.Status));
        }

        private VirtualBmx280 NewChip(BoschVariant variant)
        {
            return NewChip(variant, out _);
        }

        private VirtualBmx280 NewChip(BoschVariant variant, out VirtualBmx280 chip)
        {
            chip = new VirtualBmx280(variant, 0x76, _ambient, ManualClock.Stepping().Reading);
            return chip;
        }
    }
}
