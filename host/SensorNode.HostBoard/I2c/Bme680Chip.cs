using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The BME680 behind its bus interface: register map, sleep and forced mode, the TPHG cycle with its heater set-points,
    /// and the status bits (BME680 datasheet chapters 3 and 5). Time comes in with each access, in clock seconds; the
    /// state is brought up to that time lazily, so the model needs no thread of its own.
    /// </summary>
    /// <remarks>
    /// Left out, because the binding's Read() path does not use them: the IIR filter (config is stored and read back,
    /// and sets the 20-bit resolution, but results are not filtered), idac_heat_x (stored only: it only speeds heating
    /// up) and the heater temperature's effect on the gas resistance (the ambient says what the plate reads at the
    /// binding's default set-point).
    /// </remarks>
    internal sealed class Bme680Chip : IBoschRegisterFile
    {
        // "In practice, approximately 20–30 ms are necessary for the heater to reach the intended target temperature"
        // (datasheet section 3.3.5): a shorter heating time leaves heat_stab_r clear. The model takes the upper end.
        private const double HeaterSettlingMs = 30.0;

        private const byte CtrlGas0Mask = Bme680Registers.HeatOff;
        private const byte CtrlGas1Mask = Bme680Registers.RunGas | 0x0F;
        private const byte CtrlHumMask = 0b0100_0111;  // spi_3w_int_en, osrs_h
        private const byte ConfigMask = 0b0001_1101;   // filter, spi_3w_en

        private readonly IAmbient _ambient;
        private readonly Bme680AdcEncoder _encoder;
        private readonly byte[] _image = new byte[256];

        private int _temperatureData;
        private int _pressureData;
        private int _humidityData;
        private Bme680GasAdc _gasData;
        private bool _gasValid;
        private bool _heatStable;
        private bool _newData;
        private int _gasMeasIndex;
        private Bme680Conversion _forced;

        public Bme680Chip(Bme680Calibration calibration, IAmbient ambient)
        {
            if (calibration == null)
            {
                throw new ArgumentNullException(nameof(calibration));
            }

            _ambient = ambient ?? throw new ArgumentNullException(nameof(ambient));
            _encoder = new Bme680AdcEncoder(new Bme680Compensation(calibration));
            calibration.WriteTo(_image);
            _image[Bme680Registers.ChipId] = Bme680Registers.Bme680ChipId;
            ResetRegisters();
        }

        /// <summary>While set, no conversion ever ends (<see cref="ChipFault.StuckMeasurement"/>).</summary>
        public bool Hung { get; set; }

        /// <summary>Completes the forced conversion if it is due by <paramref name="now"/>.</summary>
        public void Advance(double now)
        {
            if (Hung || _forced == null || now < _forced.EndsAt)
            {
                return;
            }

            Commit(_forced);
            _forced = null;
            _image[Bme680Registers.CtrlMeas] &= 0b1111_1100; // forced mode returns to sleep (datasheet section 3.1)
        }

        public byte Read(byte register, double now)
        {
            switch (register)
            {
                case Bme680Registers.Reset: return 0x00;
                case Bme680Registers.MeasStatus0: return Status(now);
                case Bme680Registers.PressMsb: return (byte)(_pressureData >> 12);
                case Bme680Registers.PressMsb + 1: return (byte)(_pressureData >> 4);
                case Bme680Registers.PressMsb + 2: return (byte)((_pressureData & 0x0F) << 4);
                case Bme680Registers.TempMsb: return (byte)(_temperatureData >> 12);
                case Bme680Registers.TempMsb + 1: return (byte)(_temperatureData >> 4);
                case Bme680Registers.TempMsb + 2: return (byte)((_temperatureData & 0x0F) << 4);
                case Bme680Registers.HumMsb: return (byte)(_humidityData >> 8);
                case Bme680Registers.HumMsb + 1: return (byte)_humidityData;
                case Bme680Registers.GasRMsb: return (byte)(_gasData.Code >> 2);
                case Bme680Registers.GasRLsb: return GasRLsb();
                default: return _image[register]; // chip id, trimming, control and heater registers; reserved read 0x00
            }
        }

        public void Write(byte register, byte value, double now)
        {
            if (register >= Bme680Registers.IdacHeat0 && register < Bme680Registers.GasWait0 + Bme680Registers.HeaterProfiles)
            {
                _image[register] = value; // idac_heat_x, res_heat_x, gas_wait_x
                return;
            }

            switch (register)
            {
                case Bme680Registers.Reset:
                    if (value == Bme680Registers.SoftResetCommand)
                    {
                        ResetRegisters();
                    }

                    break;
                case Bme680Registers.CtrlGas0: _image[register] = (byte)(value & CtrlGas0Mask); break;
                case Bme680Registers.CtrlGas1: _image[register] = (byte)(value & CtrlGas1Mask); break;
                case Bme680Registers.CtrlHum: _image[register] = (byte)(value & CtrlHumMask); break;
                case Bme680Registers.Config: _image[register] = (byte)(value & ConfigMask); break;
                case Bme680Registers.CtrlMeas: WriteCtrlMeas(value, now); break;
                default: break; // read-only: chip id, trimming NVM, status, data
            }
        }

        /// <summary>
        /// The datasheet does not say what a ctrl_meas write does during a cycle; here the running cycle finishes
        /// undisturbed (mode stays forced until it ends) and the new oversampling applies to the next one.
        /// </summary>
        private void WriteCtrlMeas(byte value, double now)
        {
            if (_forced != null)
            {
                _image[Bme680Registers.CtrlMeas] = (byte)((value & 0b1111_1100) | Bme680Registers.ForcedMode);
                return;
            }

            _image[Bme680Registers.CtrlMeas] = value;
            if ((value & 0b11) == Bme680Registers.ForcedMode)
            {
                _forced = Convert(now);
                _newData = false;
            }
        }

        private byte Status(double now)
        {
            int status = _gasMeasIndex;
            if (_newData)
            {
                status |= Bme680Registers.StatusNewData;
            }

            if (_forced != null)
            {
                status |= Bme680Registers.StatusMeasuring;
                if (now >= _forced.GasStartsAt)
                {
                    status |= Bme680Registers.StatusGasMeasuring;
                }
            }

            return (byte)status;
        }

        private byte GasRLsb()
        {
            int value = ((_gasData.Code & 0b11) << 6) | _gasData.Range;
            if (_gasValid)
            {
                value |= Bme680Registers.GasValid;
            }

            if (_heatStable)
            {
                value |= Bme680Registers.HeatStable;
            }

            return (byte)value;
        }

        /// <summary>
        /// Samples the ambient into raw ADC values for a cycle triggered at <paramref name="now"/>. The die sits at the
        /// ambient temperature whether or not temperature is reported, so the pressure and humidity codes always depend
        /// on it (through t_fine).
        /// </summary>
        private Bme680Conversion Convert(double now)
        {
            byte ctrlMeas = _image[Bme680Registers.CtrlMeas];
            int temperatureCode = ctrlMeas >> 5;
            int pressureCode = (ctrlMeas >> 2) & 0b111;
            int humidityCode = _image[Bme680Registers.CtrlHum] & 0b111;
            bool filtered = ((_image[Bme680Registers.Config] >> 2) & 0b111) != 0;
            bool runGas = (_image[Bme680Registers.CtrlGas1] & Bme680Registers.RunGas) != 0;
            int profile = _image[Bme680Registers.CtrlGas1] & 0x0F;

            int temperature = _encoder.TemperatureAdc(_ambient.TemperatureC, temperatureCode == 0 ? 20 : ResolutionBits(temperatureCode, filtered));
            double tFine = _encoder.FineTemperature(temperature);
            int pressure = pressureCode == 0
                ? Bme680Registers.SkippedTemperatureOrPressure
                : _encoder.PressureAdc(_ambient.PressureHpa, tFine, ResolutionBits(pressureCode, filtered));
            int humidity = humidityCode == 0 ? Bme680Registers.SkippedHumidity : _encoder.HumidityAdc(_ambient.HumidityPercent, tFine);
            if (temperatureCode == 0)
            {
                temperature = Bme680Registers.SkippedTemperatureOrPressure;
            }

            double gasStartsAt = now + (Bme680Timing.TphMs(temperatureCode, pressureCode, humidityCode, runGas: false) / 1000.0);
            if (!runGas)
            {
                return new Bme680Conversion(temperature, pressure, humidity, null, false, profile, double.PositiveInfinity, gasStartsAt);
            }

            // nb_conv beyond the 10 set-points selects none: no heating at all.
            double heatingMs = profile < Bme680Registers.HeaterProfiles ? Bme680Timing.HeatingMs(_image[Bme680Registers.GasWait0 + profile]) : 0.0;
            bool heaterOn = (_image[Bme680Registers.CtrlGas0] & Bme680Registers.HeatOff) == 0;
            bool heatStable = heaterOn && heatingMs >= HeaterSettlingMs;
            double endsAt = now + ((Bme680Timing.TphMs(temperatureCode, pressureCode, humidityCode, runGas: true) + heatingMs) / 1000.0);
            Bme680GasAdc gas = _encoder.GasAdc(_ambient.GasResistanceOhms);
            return new Bme680Conversion(temperature, pressure, humidity, gas, heatStable, profile, gasStartsAt, endsAt);
        }

        /// <summary>
        /// 20 bits with the IIR filter on; otherwise 16 + (osrs − 1) bits (datasheet sections 3.3.1 and 3.3.2, as on the
        /// BME280).
        /// </summary>
        private static int ResolutionBits(int oversamplingCode, bool filtered)
        {
            return filtered ? 20 : 15 + Math.Min(oversamplingCode, 5);
        }

        /// <summary>
        /// Moves a finished cycle into the data registers and sets new_data_0. A cycle without run_gas had only a dummy gas
        /// slot: gas_valid_r and heat_stab_r read clear, the last gas code stays.
        /// </summary>
        private void Commit(Bme680Conversion conversion)
        {
            _temperatureData = conversion.TemperatureAdc;
            _pressureData = conversion.PressureAdc;
            _humidityData = conversion.HumidityAdc;
            _gasValid = conversion.Gas.HasValue;
            _heatStable = conversion.HeatStable;
            if (conversion.Gas.HasValue)
            {
                _gasData = conversion.Gas.Value;
            }

            _gasMeasIndex = conversion.HeaterProfile;
            _newData = true;
        }

        /// <summary>Power-on values: sleep mode, everything skipped and off, data registers at 0x80000 / 0x8000, no gas result.</summary>
        private void ResetRegisters()
        {
            for (int register = Bme680Registers.IdacHeat0; register < Bme680Registers.GasWait0 + Bme680Registers.HeaterProfiles; register++)
            {
                _image[register] = 0;
            }

            _image[Bme680Registers.CtrlGas0] = 0;
            _image[Bme680Registers.CtrlGas1] = 0;
            _image[Bme680Registers.CtrlHum] = 0;
            _image[Bme680Registers.CtrlMeas] = 0;
            _image[Bme680Registers.Config] = 0;
            _temperatureData = Bme680Registers.SkippedTemperatureOrPressure;
            _pressureData = Bme680Registers.SkippedTemperatureOrPressure;
            _humidityData = Bme680Registers.SkippedHumidity;
            _gasData = default;
            _gasValid = false;
            _heatStable = false;
            _newData = false;
            _gasMeasIndex = 0;
            _forced = null;
        }
    }
}
