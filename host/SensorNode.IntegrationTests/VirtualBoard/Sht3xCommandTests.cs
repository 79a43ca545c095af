using System;
using System.IO;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The virtual SHT3x at command level, as the datasheet describes it, with time moved by hand.</summary>
    public class Sht3xCommandTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly FixedAmbient _ambient = new FixedAmbient(23.45, 56.78);

        [Theory]
        [InlineData(-40.0, 0.0)]
        [InlineData(-0.01, 0.01)]
        [InlineData(23.45, 56.78)]
        [InlineData(124.99, 99.99)]
        [InlineData(125.0, 100.0)]
        public void Measurement_EncodesTheAmbientPerTheDatasheet_WithTheRightCrcs(double celsius, double percent)
        {
            VirtualSht3x chip = NewChip();
            _ambient.TemperatureC = celsius;
            _ambient.HumidityPercent = percent;

            SensirionBus.Send(chip, Sht3xCommands.MeasureHighRepeatability);
            _clock.AdvanceMs(15);
            ushort[] words = SensirionBus.ReadWords(chip, 2);

            Assert.Equal(celsius, -45.0 + (175.0 * words[0] / 65535.0), 175.0 / 65535.0 / 2.0);
            Assert.Equal(percent, 100.0 * words[1] / 65535.0, 100.0 / 65535.0 / 2.0);
        }

        [Fact]
        public void OutOfRangeValues_SaturateTheWords()
        {
            Assert.Equal(0, VirtualSht3x.TemperatureRaw(-60.0));
            Assert.Equal(65535, VirtualSht3x.TemperatureRaw(140.0));
            Assert.Equal(0, VirtualSht3x.HumidityRaw(-1.0));
            Assert.Equal(65535, VirtualSht3x.HumidityRaw(101.0));
        }

        [Theory]
        [InlineData(Sht3xCommands.MeasureHighRepeatability, 15.0)]
        [InlineData(Sht3xCommands.MeasureMediumRepeatability, 6.0)]
        [InlineData(Sht3xCommands.MeasureLowRepeatability, 4.0)]
        public void DuringAMeasurement_TheChipDoesNotAcknowledge(ushort command, double milliseconds)
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, command);

            _clock.AdvanceMs(milliseconds - 0.1);
            Assert.Throws<IOException>(() => chip.Read(new byte[6]));
            Assert.Throws<IOException>(() => SensirionBus.Send(chip, Sht3xCommands.ReadStatus));

            _clock.AdvanceMs(0.2);
            Assert.Equal(2, SensirionBus.ReadWords(chip, 2).Length);
        }

        [Fact]
        public void AResult_ReadsOnce()
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, Sht3xCommands.MeasureHighRepeatability);
            _clock.AdvanceMs(15);
            SensirionBus.ReadWords(chip, 2);

            Assert.Throws<IOException>(() => chip.Read(new byte[6])); // no data: the read header is not acknowledged
        }

        [Fact]
        public void ReadingOnlyTheTemperature_DiscardsTheHumidity()
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, Sht3xCommands.MeasureHighRepeatability);
            _clock.AdvanceMs(15);

            ushort temperature = SensirionBus.ReadWords(chip, 1)[0];

            Assert.Equal(VirtualSht3x.TemperatureRaw(23.45), temperature);
            Assert.Throws<IOException>(() => chip.Read(new byte[3]));
        }

        [Fact]
        public void ReadingPastTheResult_GivesTheIdleBus()
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, Sht3xCommands.ReadStatus);
            byte[] bytes = new byte[5];

            chip.Read(bytes);

            Assert.Equal(new byte[] { 0xFF, 0xFF }, bytes[3..]);
        }

        [Fact]
        public void WriteRead_OfAMeasurement_IsNotAcknowledged_BecauseTheChipIsStillMeasuring()
        {
            VirtualSht3x chip = NewChip();

            Assert.Throws<IOException>(() => chip.WriteRead(new byte[] { 0x24, 0x00 }, new byte[6]));
            _clock.AdvanceMs(15);
            Assert.Equal(2, SensirionBus.ReadWords(chip, 2).Length); // the command itself was taken
        }

        [Fact]
        public void Status_AfterPowerOn_ShowsTheResetAndAPendingAlert()
        {
            VirtualSht3x chip = NewChip();

            SensirionBus.Send(chip, Sht3xCommands.ReadStatus);

            Assert.Equal(Sht3xCommands.StatusAfterReset, SensirionBus.ReadWords(chip, 1)[0]);
            Assert.Equal(0x8010, Sht3xCommands.StatusAfterReset);
        }

        [Fact]
        public void Status_ThroughARepeatedStart_Reads()
        {
            VirtualSht3x chip = NewChip();
            byte[] answer = new byte[3];

            chip.WriteRead(new byte[] { 0xF3, 0x2D }, answer);

            Assert.Equal(new byte[] { 0x80, 0x10, SensirionCrc.Of((ushort)0x8010) }, answer);
        }

        [Fact]
        public void SoftReset_TurnsTheHeaterOffAndDropsAnUnreadResult_AndTakesOnePointFiveMilliseconds()
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, Sht3xCommands.HeaterEnable);
            SensirionBus.Send(chip, Sht3xCommands.MeasureHighRepeatability);
            _clock.AdvanceMs(15);

            SensirionBus.Send(chip, Sht3xCommands.SoftReset);

            _clock.AdvanceMs(1.4);
            Assert.Throws<IOException>(() => SensirionBus.Send(chip, Sht3xCommands.ReadStatus));
            _clock.AdvanceMs(0.2);
            Assert.Throws<IOException>(() => chip.Read(new byte[6]));
            SensirionBus.Send(chip, Sht3xCommands.ReadStatus);
            Assert.Equal(Sht3xCommands.StatusAfterReset, SensirionBus.ReadWords(chip, 1)[0]);
        }

        [Theory]
        [InlineData(0x2C06)] // single shot with clock stretching: not modelled
        [InlineData(0x2032)] // periodic mode: not modelled
        [InlineData(0x3041)] // clear status: not modelled
        [InlineData(0x1234)]
        public void CommandsLeftOut_AreNotAcknowledged(ushort command)
        {
            VirtualSht3x chip = NewChip();

            Assert.Throws<IOException>(() => SensirionBus.Send(chip, command));
        }

        [Fact]
        public void AnAddressOnlyWrite_IsAcknowledged_AndDoesNothing()
        {
            VirtualSht3x chip = NewChip();
            SensirionBus.Send(chip, Sht3xCommands.ReadStatus);

            chip.Write(ReadOnlySpan<byte>.Empty);

            Assert.Equal(Sht3xCommands.StatusAfterReset, SensirionBus.ReadWords(chip, 1)[0]);
        }

        [Theory]
        [InlineData(0x43)]
        [InlineData(0x46)]
        [InlineData(0x62)]
        public void OnlyTheTwoAddresses_AreAllowed(int address)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualSht3x(address, _ambient, _clock.Reading));
        }

        private VirtualSht3x NewChip()
        {
            return new VirtualSht3x(VirtualSht3x.DefaultAddress, _ambient, _clock.Reading);
        }
    }
}
