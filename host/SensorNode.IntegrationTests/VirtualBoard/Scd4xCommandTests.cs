using System.IO;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The virtual SCD4x at command level, as the datasheet describes it, with time moved by hand.</summary>
    public class Scd4xCommandTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly FixedAmbient _ambient = new FixedAmbient(23.45, 56.78, co2Ppm: 812.0);

        [Fact]
        public void PeriodicMeasurement_HasNoDataBeforeFiveSeconds_AndDataAfter()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);

            _clock.Advance(4.99);
            Assert.False(DataReady(chip));
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            Assert.Throws<IOException>(() => chip.Read(new byte[9])); // no data: the read header is not acknowledged

            _clock.Advance(0.02);
            Assert.True(DataReady(chip));
            Assert.Equal(new ushort[] { 812, VirtualScd4x.TemperatureRaw(23.45), VirtualScd4x.HumidityRaw(56.78) }, ReadMeasurement(chip));
        }

        [Fact]
        public void Reading_ClearsDataReady_UntilTheNextIntervalEnds()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);
            ReadMeasurement(chip);

            Assert.False(DataReady(chip));
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            Assert.Throws<IOException>(() => chip.Read(new byte[9]));

            _clock.Advance(4.4); // 9.9 s since the start
            Assert.False(DataReady(chip));
            _clock.Advance(0.2);
            Assert.True(DataReady(chip));
        }

        [Fact]
        public void DataReady_IsInTheLowElevenBits()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);

            SensirionBus.Send(chip, Scd4xCommands.GetDataReadyStatus);
            ushort ready = SensirionBus.ReadWords(chip, 1)[0];
            ReadMeasurement(chip);
            SensirionBus.Send(chip, Scd4xCommands.GetDataReadyStatus);
            ushort notReady = SensirionBus.ReadWords(chip, 1)[0];

            Assert.NotEqual(0, ready & Scd4xCommands.DataReadyMask);
            Assert.Equal(0, notReady & Scd4xCommands.DataReadyMask);
            Assert.NotEqual(0, notReady); // the high bits are not part of the answer
        }

        [Fact]
        public void AMissedResult_IsOverwrittenByTheNewest()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);
            Assert.True(DataReady(chip));

            _ambient.Co2Ppm = 1450.0;
            _clock.Advance(10.0);

            Assert.Equal(1450, ReadMeasurement(chip)[0]);
            Assert.False(DataReady(chip));
        }

        [Theory]
        [InlineData(0.0, -10.0, 0.0)]
        [InlineData(420.0, 21.5, 45.0)]
        [InlineData(1500.0, -0.01, 12.34)]
        [InlineData(5000.0, 37.77, 88.88)]
        [InlineData(40000.0, 60.0, 99.99)]
        public void Measurement_EncodesTheAmbientPerTheDatasheet_WithTheRightCrcs(double ppm, double celsius, double percent)
        {
            _ambient.Co2Ppm = ppm;
            _ambient.TemperatureC = celsius;
            _ambient.HumidityPercent = percent;
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5);

            ushort[] words = ReadMeasurement(chip); // asserts every word's CRC

            Assert.Equal(ppm, words[0]);
            Assert.Equal(celsius, -45.0 + (175.0 * words[1] / 65536.0), 175.0 / 65536.0 / 2.0);
            Assert.Equal(percent, 100.0 * words[2] / 65536.0, 100.0 / 65536.0 / 2.0);
        }

        [Fact]
        public void OutOfRangeValues_SaturateTheWords()
        {
            Assert.Equal(40000, VirtualScd4x.Co2Word(65000.0));
            Assert.Equal(0, VirtualScd4x.Co2Word(-3.0));
            Assert.Equal(0, VirtualScd4x.TemperatureRaw(-50.0));
            Assert.Equal(65535, VirtualScd4x.TemperatureRaw(130.0));
            Assert.Equal(65535, VirtualScd4x.HumidityRaw(100.0)); // 65536 does not fit a word
        }

        [Fact]
        public void Idle_DeliversNothing()
        {
            VirtualScd4x chip = NewChip();
            _clock.Advance(60);

            Assert.False(DataReady(chip));
        }

        [Fact]
        public void Stop_EndsTheMeasurements()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);
            ReadMeasurement(chip);

            SensirionBus.Send(chip, Scd4xCommands.StopPeriodicMeasurement);
            _clock.Advance(60);

            Assert.False(DataReady(chip));
        }

        [Theory]
        [InlineData(Scd4xCommands.StartPeriodicMeasurement)]
        [InlineData(Scd4xCommands.Reinit)]
        [InlineData(0x3682)] // get_serial_number: not modelled, and not allowed here either
        public void DuringPeriodicMeasurement_OtherCommandsAreNotAcknowledged(ushort command)
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);

            Assert.Throws<IOException>(() => SensirionBus.Send(chip, command));
        }

        [Fact]
        public void DuringPeriodicMeasurement_TheAllowedCommandsAreAcknowledged()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);

            SensirionBus.Send(chip, Scd4xCommands.GetDataReadyStatus);
            SensirionBus.ReadWords(chip, 1);
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            SensirionBus.Send(chip, Scd4xCommands.SetAmbientPressure, 987);
            SensirionBus.Send(chip, Scd4xCommands.StopPeriodicMeasurement);
        }

        [Fact]
        public void WhileIdle_ReinitAndStopAndStartAreAcknowledged()
        {
            VirtualScd4x chip = NewChip();

            SensirionBus.Send(chip, Scd4xCommands.StopPeriodicMeasurement);
            SensirionBus.Send(chip, Scd4xCommands.Reinit);
            SensirionBus.Send(chip, Scd4xCommands.SetAmbientPressure, 1013);
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
        }

        [Fact]
        public void ADataWordWithAWrongCrc_IsNotAcknowledged()
        {
            VirtualScd4x chip = NewChip();
            byte[] command = { 0xE0, 0x00, 0x03, 0xF5, SensirionCrc.Of((ushort)0x03F5) };
            chip.Write(command);

            command[4] ^= 0x01;

            Assert.Throws<IOException>(() => chip.Write(command));
        }

        [Fact]
        public void SetAmbientPressure_WithoutItsDataWord_IsNotAcknowledged()
        {
            // Without data, 0xE000 is get_ambient_pressure, which this model leaves out.
            Assert.Throws<IOException>(() => SensirionBus.Send(NewChip(), Scd4xCommands.SetAmbientPressure));
        }

        [Fact]
        public void AnswersAt0x62()
        {
            Assert.Equal(0x62, NewChip().ConnectionSettings.DeviceAddress);
        }

        private static bool DataReady(VirtualScd4x chip)
        {
            SensirionBus.Send(chip, Scd4xCommands.GetDataReadyStatus);
            return (SensirionBus.ReadWords(chip, 1)[0] & Scd4xCommands.DataReadyMask) != 0;
        }

        private static ushort[] ReadMeasurement(VirtualScd4x chip)
        {
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            return SensirionBus.ReadWords(chip, 3);
        }

        private VirtualScd4x NewChip()
        {
            return new VirtualScd4x(_ambient, _clock.Reading);
        }
    }
}
