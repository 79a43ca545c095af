namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The BME680 register map (BME680 datasheet section 5.2, memory map; 5.3, register descriptions; the trimming
    /// parameters' addresses in section 3.3), as far as the virtual chip answers it.
    /// </summary>
    public static class Bme680Registers
    {
        // Heater trimming, in the low addresses (datasheet section 3.3.5, table 11; 3.4.1 for the range switching error).
        public const byte ResHeatVal = 0x00;         // res_heat_val, signed
        public const byte ResHeatRange = 0x02;       // res_heat_range in bits 5:4
        public const byte RangeSwitchingError = 0x04; // range_switching_error in bits 7:4

        public const byte MeasStatus0 = 0x1D;        // new_data_0, gas_measuring, measuring, gas_meas_index_0 (5.3.5)
        public const byte PressMsb = 0x1F;           // press_msb, press_lsb, press_xlsb[7:4] (5.3.4)
        public const byte TempMsb = 0x22;            // temp_msb, temp_lsb, temp_xlsb[7:4]
        public const byte HumMsb = 0x25;             // hum_msb, hum_lsb
        public const byte GasRMsb = 0x2A;            // gas_r[9:2]
        public const byte GasRLsb = 0x2B;            // gas_r[1:0] in bits 7:6, gas_valid_r, heat_stab_r, gas_range_r[3:0]

        public const byte IdacHeat0 = 0x50;          // idac_heat_0..9
        public const byte ResHeat0 = 0x5A;           // res_heat_0..9: the heater's target resistance code
        public const byte GasWait0 = 0x64;           // gas_wait_0..9: the heating time
        public const int HeaterProfiles = 10;

        public const byte CtrlGas0 = 0x70;           // heat_off in bit 3
        public const byte CtrlGas1 = 0x71;           // run_gas in bit 4, nb_conv[3:0]
        public const byte CtrlHum = 0x72;            // osrs_h[2:0]
        public const byte CtrlMeas = 0x74;           // osrs_t[7:5], osrs_p[4:2], mode[1:0]
        public const byte Config = 0x75;             // filter[4:2]

        // Temperature, pressure, humidity and heater trimming (datasheet sections 3.3.1 to 3.3.5).
        public const byte ParT2 = 0x8A;              // 16-bit little-endian; par_t1 sits at 0xE9
        public const byte ParT3 = 0x8C;
        public const byte ParP1 = 0x8E;              // par_p1 .. par_p10 at 0x8E..0xA0
        public const byte ParP2 = 0x90;
        public const byte ParP3 = 0x92;
        public const byte ParP4 = 0x94;
        public const byte ParP5 = 0x96;
        public const byte ParP7 = 0x98;              // p7 before p6, as the datasheet places them
        public const byte ParP6 = 0x99;
        public const byte ParP8 = 0x9C;
        public const byte ParP9 = 0x9E;
        public const byte ParP10 = 0xA0;

        public const byte ChipId = 0xD0;
        public const byte Reset = 0xE0;

        public const byte ParH2Msb = 0xE1;           // par_h2[11:4]
        public const byte ParH1H2Lsb = 0xE2;         // par_h2[3:0] in bits 7:4, par_h1[3:0] in bits 3:0
        public const byte ParH1Msb = 0xE3;           // par_h1[11:4]
        public const byte ParH3 = 0xE4;              // par_h3 .. par_h7 at 0xE4..0xE8
        public const byte ParT1 = 0xE9;              // 16-bit little-endian
        public const byte ParG2 = 0xEB;              // 16-bit little-endian, signed
        public const byte ParG1 = 0xED;
        public const byte ParG3 = 0xEE;

        /// <summary>Written to <see cref="Reset"/>, runs the power-on-reset procedure; other values are ignored.</summary>
        public const byte SoftResetCommand = 0xB6;

        public const byte Bme680ChipId = 0x61;

        // meas_status_0 bits.
        public const byte StatusNewData = 0x80;
        public const byte StatusGasMeasuring = 0x40;
        public const byte StatusMeasuring = 0x20;

        // gas_r_lsb bits.
        public const byte GasValid = 0x20;
        public const byte HeatStable = 0x10;

        // Control bits.
        public const byte HeatOff = 0x08;            // ctrl_gas_0
        public const byte RunGas = 0x10;             // ctrl_gas_1
        public const byte ForcedMode = 0b01;         // ctrl_meas mode[1:0]; 00 is sleep, the BME680 has no other mode

        /// <summary>Temperature and pressure data registers after reset or when skipped: 0x80000 (20 bit).</summary>
        public const int SkippedTemperatureOrPressure = 0x80000;

        /// <summary>Humidity data registers after reset or when skipped: 0x8000 (16 bit).</summary>
        public const int SkippedHumidity = 0x8000;
    }
}
