using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The virtual chip's register map and bus protocol, driven byte by byte as the datasheet describes.</summary>
    public class ChipRegisterTests
    {
        private const byte ForcedX1 = 0b001_001_01;  // osrs_t x1, osrs_p x1, mode 01 (forced)
        private const byte SleepX1 = 0b001_001_00;
        private const byte NormalX1 = 0b001_001_11;

        private readonly ManualClock _clock = new ManualClock();
        private readonly FixedAmbient _ambient = new FixedAmbient(23.0, 55.0, 990.0);
        private readonly Bmx280Compensation _compensation = new Bmx280Compensation(Bmx280Calibration.Typical);

        [Theory]
        [InlineData(BoschVariant.Bme280, 0x60)]
        [InlineData(BoschVariant.Bmp280, 0x58)]
        public void ChipId_IsTheDatasheetValue(BoschVariant variant, byte expected)
        {
            VirtualBmx280 chip = NewChip(variant);

            Assert.Equal(expected, ChipBus.Read(chip, Bmx280Registers.ChipId));
        }

        [Theory]
        [InlineData(0x76)]
        [InlineData(0x77)]
        public void ConnectionSettings_CarryTheAddress(int address)
        {
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, address, _ambient, _clock.Reading, busId: 3);

            Assert.Equal(address, chip.ConnectionSettings.DeviceAddress);
            Assert.Equal(3, chip.ConnectionSettings.BusId);
        }

        [Fact]
        public void Address_OtherThanTheTwoSdoChoices_IsRejected()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new VirtualBmx280(BoschVariant.Bme280, 0x40, _ambient));
        }

        [Fact]
        public void PowerOn_ControlRegistersAreZeroAndDataRegistersHoldTheSkippedValues()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);

            Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.CtrlHum, 4));
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, ChipBus.Read(chip, Bmx280Registers.PressMsb, 8));
        }

        [Fact]
        public void Calibration_IsStoredLittleEndianWithTheTwelveBitHumidityPacking()
        {
            Bmx280Calibration calibration = new Bmx280Calibration
            {
                DigT1 = 27504, DigT2 = 26435, DigT3 = -1000, DigP1 = 36477, DigP2 = -10685, DigP3 = 3024, DigP4 = 2855,
                DigP5 = 140, DigP6 = -7, DigP7 = 15500, DigP8 = -14600, DigP9 = 6000,
                DigH1 = 75, DigH2 = -362, DigH3 = 7, DigH4 = -5, DigH5 = 1234, DigH6 = -30,
            };
            VirtualBmx280 chip = new VirtualBmx280(BoschVariant.Bme280, 0x76, _ambient, _clock.Reading, calibration: calibration);

            byte[] low = ChipBus.Read(chip, Bmx280Registers.CalibrationStart, 26);   // 0x88..0xA1
            byte[] high = ChipBus.Read(chip, Bmx280Registers.DigH2, 7);              // 0xE1..0xE7

            Assert.Equal(27504, low[0] | (low[1] << 8));
            Assert.Equal(-1000, (short)(low[4] | (low[5] << 8)));
            Assert.Equal(-14600, (short)(low[20] | (low[21] << 8)));
            Assert.Equal(6000, (short)(low[22] | (low[23] << 8)));
            Assert.Equal(75, low[25]);
            Assert.Equal(-362, (short)(high[0] | (high[1] << 8)));
            Assert.Equal(7, high[2]);
            // dig_H4 = 0xE4[7:0] << 4 | 0xE5[3:0]; dig_H5 = 0xE6[7:0] << 4 | 0xE5[7:4]; both signed 12-bit (table 16).
            Assert.Equal(-5, ((sbyte)high[3] * 16) | (high[4] & 0x0F));
            Assert.Equal(1234, ((sbyte)high[5] * 16) | (high[4] >> 4));
            Assert.Equal(-30, (sbyte)high[6]);
        }

        [Fact]
        public void Reads_AutoIncrementAcrossTransfers()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            byte[] burst = ChipBus.Read(chip, Bmx280Registers.CalibrationStart, 4);

            chip.WriteByte(Bmx280Registers.CalibrationStart);
            byte first = chip.ReadByte();
            byte second = chip.ReadByte();
            byte[] rest = new byte[2];
            chip.Read(rest);

            Assert.Equal(burst, new[] { first, second, rest[0], rest[1] });
        }

        [Fact]
        public void Writes_TakeAddressDataPairsInOneTransfer()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);

            chip.Write(new byte[] { Bmx280Registers.CtrlHum, 0x03, Bmx280Registers.Config, 0xA0 });

            Assert.Equal(0x03, ChipBus.Read(chip, Bmx280Registers.CtrlHum));
            Assert.Equal(0xA0, ChipBus.Read(chip, Bmx280Registers.Config));
        }

        [Fact]
        public void ReadOnlyRegisters_IgnoreWrites()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            byte[] calibration = ChipBus.Read(chip, Bmx280Registers.CalibrationStart, 26);

            ChipBus.Write(chip, Bmx280Registers.ChipId, 0x12);
            ChipBus.Write(chip, Bmx280Registers.CalibrationStart, 0x34);
            ChipBus.Write(chip, Bmx280Registers.TempMsb, 0x56);

            Assert.Equal(0x60, ChipBus.Read(chip, Bmx280Registers.ChipId));
            Assert.Equal(calibration, ChipBus.Read(chip, Bmx280Registers.CalibrationStart, 26));
            Assert.Equal(0x80, ChipBus.Read(chip, Bmx280Registers.TempMsb));
        }

        [Fact]
        public void ForcedMeasurement_FillsTheDataRegistersAtItsEndAndReturnsToSleep()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x01);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);

            Assert.Equal(ForcedX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));
            Assert.Equal(Bmx280Registers.StatusMeasuring, ChipBus.Read(chip, Bmx280Registers.Status));
            Assert.Equal(Bmx280Registers.SkippedTemperatureOrPressure, ChipBus.Read20(chip, Bmx280Registers.TempMsb));

            _clock.AdvanceMs(9.3 + 0.01); // t_measure,max for x1/x1/x1: 1.25 + 2.3 + 2.875 + 2.875 ms

            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.Status));
            Assert.Equal(SleepX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));
            AssertDataRegistersShow(chip, 23.0, 55.0, 990.0);
        }

        [Theory]
        [InlineData(BoschVariant.Bme280, 0b001, 0b001, 0b001, 9.3)]
        [InlineData(BoschVariant.Bme280, 0b101, 0b101, 0b101, 112.8)]
        [InlineData(BoschVariant.Bme280, 0b001, 0b000, 0b000, 3.55)]
        [InlineData(BoschVariant.Bmp280, 0b001, 0b001, 0b001, 6.425)]   // datasheet table 13: max 6.4 ms
        [InlineData(BoschVariant.Bmp280, 0b010, 0b101, 0b000, 43.225)]  // ultra high resolution: max 43.2 ms
        public void MeasuringBit_StaysSetForTheDatasheetMaximumMeasurementTime(
            BoschVariant variant, int osrsT, int osrsP, int osrsH, double expectedMs)
        {
            VirtualBmx280 chip = NewChip(variant);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, (byte)osrsH);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, (byte)((osrsT << 5) | (osrsP << 2) | 0b10));

            _clock.AdvanceMs(expectedMs - 0.01);
            Assert.Equal(Bmx280Registers.StatusMeasuring, ChipBus.Read(chip, Bmx280Registers.Status));

            _clock.AdvanceMs(0.02);
            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.Status));
        }

        [Fact]
        public void ForcedMeasurement_SamplesTheAmbientWhenTriggered()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x01);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);

            _ambient.TemperatureC = 30.0;
            _clock.AdvanceMs(20);

            AssertDataRegistersShow(chip, 23.0, 55.0, 990.0);
        }

        [Fact]
        public void SkippedMeasurements_ReadTheResetValues()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x00);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, 0b001_000_01); // temperature only

            _clock.AdvanceMs(20);

            Assert.Equal(23.0, _compensation.Temperature(ChipBus.Read20(chip, Bmx280Registers.TempMsb), out _), 0.01);
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.PressMsb, 3));
            Assert.Equal(new byte[] { 0x80, 0x00 }, ChipBus.Read(chip, Bmx280Registers.HumMsb, 2));
        }

        [Fact]
        public void CtrlHum_TakesEffectOnlyAtTheNextCtrlMeasWrite()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x01);
            _clock.AdvanceMs(20);

            Assert.Equal(0x01, ChipBus.Read(chip, Bmx280Registers.CtrlHum));
            Assert.Equal(Bmx280Registers.SkippedHumidity, ChipBus.Read16(chip, Bmx280Registers.HumMsb));

            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);
            _clock.AdvanceMs(20);

            AssertDataRegistersShow(chip, 23.0, 55.0, 990.0);
        }

        [Fact]
        public void ModeTwo_IsForcedModeToo()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bmp280);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, 0b001_001_10);
            _clock.AdvanceMs(10);

            Assert.Equal(SleepX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));
            Assert.Equal(23.0, _compensation.Temperature(ChipBus.Read20(chip, Bmx280Registers.TempMsb), out _), 0.01);
        }

        [Fact]
        public void NormalMode_KeepsMeasuringAndFollowsTheAmbient()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x01);
            ChipBus.Write(chip, Bmx280Registers.Config, 0b000_000_00);     // t_standby 0.5 ms: a 9.8 ms cycle
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, NormalX1);

            Assert.Equal(Bmx280Registers.StatusMeasuring, ChipBus.Read(chip, Bmx280Registers.Status));
            _clock.AdvanceMs(9.5);                                           // in the standby part of the first cycle
            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.Status));
            AssertDataRegistersShow(chip, 23.0, 55.0, 990.0);

            _ambient.TemperatureC = -5.0;
            _ambient.HumidityPercent = 80.0;
            _ambient.PressureHpa = 1030.0;
            _clock.AdvanceMs(9.8 * 10);

            Assert.Equal(NormalX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));
            AssertDataRegistersShow(chip, -5.0, 80.0, 1030.0);
        }

        [Fact]
        public void ConfigWrites_AreIgnoredInNormalMode()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.Config, 0b010_000_00);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, NormalX1);

            ChipBus.Write(chip, Bmx280Registers.Config, 0b101_100_00);

            Assert.Equal(0b010_000_00, ChipBus.Read(chip, Bmx280Registers.Config));
        }

        [Fact]
        public void ModeChange_DuringAConversion_WaitsForItsEnd()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);

            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, NormalX1);
            Assert.Equal(ForcedX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));

            _clock.AdvanceMs(7); // past the forced conversion (6.425 ms without humidity)
            Assert.Equal(NormalX1, ChipBus.Read(chip, Bmx280Registers.CtrlMeas));
        }

        [Fact]
        public void SoftReset_RestoresThePowerOnState()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x05);
            ChipBus.Write(chip, Bmx280Registers.Config, 0b101_100_00);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, 0b101_101_01);
            _clock.AdvanceMs(200);
            Assert.NotEqual(0x80, ChipBus.Read(chip, Bmx280Registers.TempMsb));

            ChipBus.Write(chip, Bmx280Registers.Reset, Bmx280Registers.SoftResetCommand);

            Assert.Equal(Bmx280Registers.StatusImUpdate, ChipBus.Read(chip, Bmx280Registers.Status)); // NVM copy after reset
            _clock.AdvanceMs(2.1);
            Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.CtrlHum, 4));
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, ChipBus.Read(chip, Bmx280Registers.PressMsb, 8));
            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.Reset)); // reads as 0x00
        }

        [Fact]
        public void ResetRegister_IgnoresValuesOtherThan0xB6()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            ChipBus.Write(chip, Bmx280Registers.Config, 0b101_000_00);

            ChipBus.Write(chip, Bmx280Registers.Reset, 0xB5);

            Assert.Equal(0b101_000_00, ChipBus.Read(chip, Bmx280Registers.Config));
        }

        [Fact]
        public void Bmp280_HasNoHumidityRegisters()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bmp280);
            ChipBus.Write(chip, Bmx280Registers.CtrlHum, 0x01);
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ForcedX1);
            _clock.AdvanceMs(10);

            Assert.Equal(0x00, ChipBus.Read(chip, Bmx280Registers.CtrlHum));
            Assert.Equal(new byte[] { 0x00, 0x00 }, ChipBus.Read(chip, Bmx280Registers.HumMsb, 2));
            Assert.Equal(new byte[7], ChipBus.Read(chip, Bmx280Registers.DigH2, 7));
        }

        [Fact]
        public void WithoutTheFilter_ResultsHaveSixteenPlusOversamplingMinusOneBits()
        {
            VirtualBmx280 chip = NewChip(BoschVariant.Bme280);
            for (double celsius = 20.0; celsius < 21.0; celsius += 0.0731)
            {
                _ambient.TemperatureC = celsius;
                ChipBus.Write(chip, Bmx280Registers.CtrlMeas, 0b011_001_01); // osrs_t x4: 18 bit
                _clock.AdvanceMs(20);

                Assert.Equal(0, ChipBus.Read20(chip, Bmx280Registers.TempMsb) & 0b11);
            }
        }

        [Fact]
        public void IirFilter_AveragesWithItsMemoryAndAWriteToConfigResetsIt()
        {
            const byte ForcedX16 = 0b101_101_01; // 20-bit results without the filter: the filter's raw input
            VirtualBmx280 filtered = NewChip(BoschVariant.Bme280);
            VirtualBmx280 unfiltered = NewChip(BoschVariant.Bme280);
            ChipBus.Write(filtered, Bmx280Registers.Config, 0b000_001_00); // coefficient 2

            int raw23 = MeasureTemperature(unfiltered, ForcedX16);
            Assert.Equal(raw23, MeasureTemperature(filtered, ForcedX1)); // a fresh filter passes its first value

            _ambient.TemperatureC = 25.0;
            int raw25 = MeasureTemperature(unfiltered, ForcedX16);
            Assert.Equal((raw23 + raw25) / 2.0, MeasureTemperature(filtered, ForcedX1), 0.5);

            ChipBus.Write(filtered, Bmx280Registers.Config, 0b000_001_00);
            Assert.Equal(raw25, MeasureTemperature(filtered, ForcedX1));
        }

        private int MeasureTemperature(VirtualBmx280 chip, byte ctrlMeas)
        {
            ChipBus.Write(chip, Bmx280Registers.CtrlMeas, ctrlMeas);
            _clock.AdvanceMs(200);
            return ChipBus.Read20(chip, Bmx280Registers.TempMsb);
        }

        private VirtualBmx280 NewChip(BoschVariant variant)
        {
            return new VirtualBmx280(variant, VirtualBmx280.SecondaryAddress, _ambient, _clock.Reading);
        }

        private void AssertDataRegistersShow(VirtualBmx280 chip, double celsius, double percent, double hectopascals)
        {
            double temperature = _compensation.Temperature(ChipBus.Read20(chip, Bmx280Registers.TempMsb), out int tFine);
            Assert.Equal(celsius, temperature, 0.01);
            Assert.Equal(hectopascals, _compensation.Pressure(ChipBus.Read20(chip, Bmx280Registers.PressMsb), tFine) / 100.0, 0.05);
            Assert.Equal(percent, _compensation.Humidity(ChipBus.Read16(chip, Bmx280Registers.HumMsb), tFine), 0.1);
        }
    }
}
