using System.IO;
using Iot.Device.Sht3x;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>What the injected faults look like on the virtual SHT3x's bus and through the real binding.</summary>
    public class Sht3xFaultTests
    {
        private readonly FixedAmbient _ambient = new FixedAmbient(20.0, 50.0);

        [Fact]
        public void Nack_FailsEveryTransferWithTheLinuxDriversIOException()
        {
            VirtualSht3x chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => chip.ReadByte());
            Assert.Throws<IOException>(() => chip.WriteByte(0x24));
            Assert.Throws<IOException>(() => chip.Read(new byte[6]));
            Assert.Throws<IOException>(() => chip.Write(new byte[] { 0x24, 0x00 }));
            IOException error = Assert.Throws<IOException>(() => chip.WriteRead(new byte[] { 0xF3, 0x2D }, new byte[3]));
            Assert.Equal("Error 121 (Remote I/O error) performing I2C data transfer.", error.Message);
        }

        [Fact]
        public void Nack_AtStartUp_MakesTheBindingsConstructorThrow()
        {
            VirtualSht3x chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => new Sht3x(chip)); // its soft reset is not acknowledged
        }

        [Fact]
        public void Nack_MakesTheBindingsReadThrow_UntilTheChipAnswersAgain()
        {
            VirtualSht3x chip = NewChip();
            using Sht3x sensor = new Sht3x(chip);

            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => sensor.Temperature);
            Assert.Throws<IOException>(() => sensor.Humidity);

            chip.Fault = ChipFault.None;
            Assert.Equal(20.0, sensor.Temperature.DegreesCelsius, 0.06);
        }

        [Fact]
        public void StuckMeasurement_TheBindingKeepsReturningTheLastValues_WithoutAnError()
        {
            VirtualSht3x chip = NewChip();
            using Sht3x sensor = new Sht3x(chip);
            double temperatureBefore = sensor.Temperature.DegreesCelsius;
            double humidityBefore = sensor.Humidity.Percent;

            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            _ambient.HumidityPercent = 70.0;

            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(temperatureBefore, sensor.Temperature.DegreesCelsius);
                Assert.Equal(humidityBefore, sensor.Humidity.Percent);
            }
        }

        [Fact]
        public void StuckMeasurement_GivesTheSameBytesEveryTime()
        {
            ManualClock clock = new ManualClock();
            VirtualSht3x chip = new VirtualSht3x(VirtualSht3x.DefaultAddress, _ambient, clock.Reading);
            chip.Fault = ChipFault.StuckMeasurement;
            byte[] first = Measure(chip, clock);

            _ambient.TemperatureC = -10.0;
            _ambient.HumidityPercent = 95.0;
            clock.Advance(3600);

            Assert.Equal(first, Measure(chip, clock));
            Assert.Equal(first, Measure(chip, clock));
            Assert.Equal(VirtualSht3x.TemperatureRaw(20.0), (first[0] << 8) | first[1]); // frozen at its first result
        }

        [Fact]
        public void StuckMeasurement_Cleared_TheNextReadMeasuresAgain()
        {
            VirtualSht3x chip = NewChip();
            using Sht3x sensor = new Sht3x(chip);
            _ = sensor.Temperature;
            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.TemperatureC = 30.0;
            _ = sensor.Temperature;

            chip.Fault = ChipFault.None;
            _ambient.TemperatureC = 31.0;

            Assert.Equal(31.0, sensor.Temperature.DegreesCelsius, 0.06);
        }

        private static byte[] Measure(VirtualSht3x chip, ManualClock clock)
        {
            SensirionBus.Send(chip, Sht3xCommands.MeasureHighRepeatability);
            clock.AdvanceMs(15);
            byte[] bytes = new byte[6];
            chip.Read(bytes);
            return bytes;
        }

        private VirtualSht3x NewChip()
        {
            return new VirtualSht3x(VirtualSht3x.DefaultAddress, _ambient, ManualClock.Stepping().Reading);
        }
    }
}
