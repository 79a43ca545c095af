using System;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The virtual BME680's register map and forced cycle, driven byte by byte as the datasheet describes.</summary>
    public class Bme680RegisterTests
    {
        private const byte ForcedX1 = 0b001_001_01;  // osrs_t x1, osrs_p x1, mode 01 (forced)

        private readonly ManualClock _clock = new ManualClock();
        private readonly FixedAmbient _ambient = new FixedAmbient(23.0, 55.0, 990.0, gasResistanceOhms: 45000.0);
        private readonly Bme680Compensation _compensation = new Bme680Compensation(Bme680Calibration.Typical);

        [Theory]
        [InlineData(0x76)]
        [InlineData(0x77)]
        public void ChipId_Is0x61_AtEitherAddress(int address)
        {
            VirtualBme680 chip = new VirtualBme680(address, _ambient, _clock.Reading, busId: 3);

            Assert.Equal(0x61, ChipBus.Read(chip, Bme680Registers.ChipId));
            Assert.Equal(address, chip.ConnectionSettings.DeviceAddress);
            Assert.Equal(3, chip.ConnectionSettings.BusId);
        }

        [Fact]
        public void Address_OtherThanTheTwoSdoChoices_IsRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualBme680(0x40, _ambient));
        }

        [Fact]
        public void PowerOn_ControlRegistersAreZero_DataRegistersHoldTheSkippedValues_AndNoGasResult()
        {
            VirtualBme680 chip = NewChip();

            Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, ChipBus.Read(chip, Bme680Registers.CtrlGas0, 6));
            Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, ChipBus.Read(chip, Bme680Registers.PressMsb, 8));
            Assert.Equal(new byte[] { 0x00, 0x00 }, ChipBus.Read(chip, Bme680Registers.GasRMsb, 2));
            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.MeasStatus0));
        }

        [Fact]
        public void Calibration_IsStoredAtTheDatasheetAddresses_WithTheHumidityNibblesShared()
        {
            Bme680Calibration c = new Bme680Calibration
            {
                ParT1 = 26181, ParT2 = -1234, ParT3 = -3, ParP1 = 37245, ParP2 = -10391, ParP3 = 88, ParP4 = 6817,
                ParP5 = -63, ParP6 = 30, ParP7 = -41, ParP8 = -1815, ParP9 = -3215, ParP10 = 200,
                ParH1 = 0x312, ParH2 = 0x3F6, ParH3 = -1, ParH4 = 45, ParH5 = 20, ParH6 = 120, ParH7 = -100,
                ParG1 = -30, ParG2 = -9887, ParG3 = 18, ResHeatRange = 2, ResHeatVal = -5, RangeSwitchingError = -2,
            };
            VirtualBme680 chip = new VirtualBme680(0x76, _ambient, _clock.Reading, calibration: c);

            byte[] low = ChipBus.Read(chip, Bme680Registers.ParT2, 0xA1 - 0x8A); // 0x8A..0xA0
            byte[] high = ChipBus.Read(chip, Bme680Registers.ParH2Msb, 0xEF - 0xE1); // 0xE1..0xEE

            Assert.Equal(-1234, (short)(low[0] | (low[1] << 8)));
            Assert.Equal(-3, (sbyte)low[0x8C - 0x8A]);
            Assert.Equal(37245, low[0x8E - 0x8A] | (low[0x8F - 0x8A] << 8));
            Assert.Equal(-41, (sbyte)low[0x98 - 0x8A]);                              // p7 before p6
            Assert.Equal(30, (sbyte)low[0x99 - 0x8A]);
            Assert.Equal(-3215, (short)(low[0x9E - 0x8A] | (low[0x9F - 0x8A] << 8)));
            Assert.Equal(200, low[0xA0 - 0x8A]);
            // par_h1 = 0xE3 << 4 | 0xE2[3:0]; par_h2 = 0xE1 << 4 | 0xE2[7:4].
            Assert.Equal(0x312, (high[0xE3 - 0xE1] << 4) | (high[0xE2 - 0xE1] & 0x0F));
            Assert.Equal(0x3F6, (high[0] << 4) | (high[0xE2 - 0xE1] >> 4));
            Assert.Equal(-1, (sbyte)high[0xE4 - 0xE1]);
            Assert.Equal(-100, (sbyte)high[0xE8 - 0xE1]);
            Assert.Equal(26181, high[0xE9 - 0xE1] | (high[0xEA - 0xE1] << 8));
            Assert.Equal(-9887, (short)(high[0xEB - 0xE1] | (high[0xEC - 0xE1] << 8)));
            Assert.Equal(-30, (sbyte)high[0xED - 0xE1]);
            Assert.Equal(18, (sbyte)high[0xEE - 0xE1]);
            Assert.Equal(-5, (sbyte)ChipBus.Read(chip, Bme680Registers.ResHeatVal));
            Assert.Equal(2, (ChipBus.Read(chip, Bme680Registers.ResHeatRange) >> 4) & 0b11);
            Assert.Equal(-2, (sbyte)ChipBus.Read(chip, Bme680Registers.RangeSwitchingError) >> 4); // signed nibble
        }

        [Fact]
        public void ForcedCycle_WithoutGas_EndsAfterTheTphTime_SetsNewData_AndReturnsToSleep()
        {
            VirtualBme680 chip = NewChip();
            ChipBus.Write(chip, Bme680Registers.CtrlHum, 0b001);
            ChipBus.Write(chip, Bme680Registers.CtrlMeas, ForcedX1);
            double tphMs = Bme680Timing.TphMs(1, 1, 1, runGas: false); // 1 + 3 × 1.963 + 4 × 0.477 = 8.797 ms

            _clock.AdvanceMs(tphMs - 0.01);
            Assert.Equal(Bme680Registers.StatusMeasuring, ChipBus.Read(chip, Bme680Registers.MeasStatus0));
            Assert.Equal(0x80, ChipBus.Read(chip, Bme680Registers.TempMsb)); // nothing before the end

            _clock.AdvanceMs(0.02);
            Assert.Equal(Bme680Registers.StatusNewData, ChipBus.Read(chip, Bme680Registers.MeasStatus0));
            Assert.Equal(ForcedX1 & 0b1111_1100, ChipBus.Read(chip, Bme680Registers.CtrlMeas));
            Assert.Equal(23.0, _compensation.Temperature(ChipBus.Read20(chip, Bme680Registers.TempMsb), out _), 0.01);
            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.GasRLsb) & (Bme680Registers.GasValid | Bme680Registers.HeatStable));
        }

        [Fact]
        public void ForcedCycle_WithGas_HeatsThenMeasures_AndReportsAValidStableGasResult()
        {
            VirtualBme680 chip = NewChip();
            ChipBus.Write(chip, Bme680Registers.GasWait0 + 2, 0b01_011001);   // set-point 2: 25 × 4 = 100 ms
            ChipBus.Write(chip, Bme680Registers.ResHeat0 + 2, 0x73);
            ChipBus.Write(chip, Bme680Registers.CtrlGas1, (byte)(Bme680Registers.RunGas | 2));
            ChipBus.Write(chip, Bme680Registers.CtrlHum, 0b001);
            ChipBus.Write(chip, Bme680Registers.CtrlMeas, ForcedX1);
            double tphMs = Bme680Timing.TphMs(1, 1, 1, runGas: false);
            double totalMs = Bme680Timing.TphMs(1, 1, 1, runGas: true) + 100.0;

            _clock.AdvanceMs(tphMs + 1.0);
            Assert.Equal(Bme680Registers.StatusMeasuring | Bme680Registers.StatusGasMeasuring, ChipBus.Read(chip, Bme680Registers.MeasStatus0));

            _clock.AdvanceMs(totalMs - tphMs);
            Assert.Equal(Bme680Registers.StatusNewData | 2, ChipBus.Read(chip, Bme680Registers.MeasStatus0)); // gas_meas_index_0 = 2
            byte[] gas = ChipBus.Read(chip, Bme680Registers.GasRMsb, 2);
            Assert.Equal(Bme680Registers.GasValid | Bme680Registers.HeatStable, gas[1] & 0x30);
            int code = (gas[0] << 2) | (gas[1] >> 6);
            Assert.Equal(45000.0, _compensation.GasResistance(code, gas[1] & 0x0F), 45.0);
        }

        [Fact]
        public void GasWait_DecodesTheDatasheetsFactorAndCount()
        {
            Assert.Equal(63.0, Bme680Timing.HeatingMs(0b00_111111));
            Assert.Equal(148.0, Bme680Timing.HeatingMs(0b01_100101));
            Assert.Equal(4032.0, Bme680Timing.HeatingMs(0xFF));
        }

        [Theory]
        [InlineData(1000.0)]
        [InlineData(20000.0)]
        [InlineData(200000.0)]
        [InlineData(10000000.0)]
        public void GasAdc_PicksARangeAndCodeThatDecodeToTheResistance(double ohms)
        {
            Bme680AdcEncoder encoder = new Bme680AdcEncoder(_compensation);

            Bme680GasAdc adc = encoder.GasAdc(ohms);

            Assert.InRange(adc.Code, 0, 1023);
            Assert.InRange(adc.Range, 0, 15);
            Assert.Equal(ohms, _compensation.GasResistance(adc.Code, adc.Range), ohms * 0.001);
        }

        [Fact]
        public void SoftReset_ClearsTheHeaterSetPointsAndControl()
        {
            VirtualBme680 chip = NewChip();
            ChipBus.Write(chip, Bme680Registers.GasWait0, 0x65);
            ChipBus.Write(chip, Bme680Registers.CtrlGas1, Bme680Registers.RunGas);

            ChipBus.Write(chip, Bme680Registers.Reset, Bme680Registers.SoftResetCommand);

            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.GasWait0));
            Assert.Equal(0x00, ChipBus.Read(chip, Bme680Registers.CtrlGas1));
            Assert.Equal(0x61, ChipBus.Read(chip, Bme680Registers.ChipId));
        }

        private VirtualBme680 NewChip()
        {
            return new VirtualBme680(0x76, _ambient, _clock.Reading);
        }
    }
}
