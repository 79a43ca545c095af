using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The BMx280 behind its bus interface: register map, power modes, conversions and status (BME280 datasheet chapters
    /// 3 to 5; the BMP280 is the same without humidity). Time comes in with each access, in clock seconds; the state is
    /// brought up to that time lazily, so the model needs no thread of its own.
    /// </summary>
    internal sealed class Bmx280Chip : IBoschRegisterFile
    {
        // Start-up time t_startup (datasheet table 1): the NVM is copied to the image registers meanwhile.
        private const double NvmCopySeconds = 0.002;

        // Normal-mode cycles missed between two accesses are fed to the IIR filter again, up to this many
        // (more would not change its output: even coefficient 16 settles to within 1 LSB long before).
        private const int MaxFilterCatchUp = 64;

        private readonly BoschVariant _variant;
        private readonly IAmbient _ambient;
        private readonly Bmx280AdcEncoder _encoder;
        private readonly byte[] _image = new byte[256];
        private readonly Bmx280IirFilter _temperatureFilter = new Bmx280IirFilter();
        private readonly Bmx280IirFilter _pressureFilter = new Bmx280IirFilter();

        private byte _ctrlHum;
        private byte _ctrlMeas;
        private byte _config;
        private int _latchedHumidityCode;
        private int _temperatureData;
        private int _pressureData;
        private int _humidityData;

        private Bmx280Conversion _forced;
        private double _normalStart;
        private long _normalCyclesDone;

        // A ctrl_meas write that arrived during a conversion waits for its end (datasheet section 3.3.1).
        private byte? _deferredCtrlMeas;
        private double _deferredUntil;

        private double _imUpdateUntil = double.NegativeInfinity;

        public Bmx280Chip(BoschVariant variant, Bmx280Calibration calibration, IAmbient ambient)
        {
            if (calibration == null)
            {
                throw new ArgumentNullException(nameof(calibration));
            }

            _variant = variant;
            _ambient = ambient ?? throw new ArgumentNullException(nameof(ambient));
            _encoder = new Bmx280AdcEncoder(new Bmx280Compensation(calibration));
            calibration.WriteTo(_image, variant);
            _image[Bmx280Registers.ChipId] = Bmx280Registers.ChipIdOf(variant);
            ResetRegisters();
        }

        /// <summary>While set, no conversion ever ends (<see cref="ChipFault.StuckMeasurement"/>).</summary>
        public bool Hung { get; set; }

        private Bmx280Settings Settings => new Bmx280Settings(_variant, _ctrlMeas, _latchedHumidityCode, _config);

        /// <summary>Completes every conversion and deferred command due by <paramref name="now"/>.</summary>
        public void Advance(double now)
        {
            while (!Hung)
            {
                if (_forced != null)
                {
                    if (now < _forced.EndsAt)
                    {
                        return;
                    }

                    double end = _forced.EndsAt;
                    Commit(_forced, 1);
                    _forced = null;
                    _ctrlMeas &= 0b1111_1100; // forced mode returns to sleep (datasheet section 3.3.3)
                    if (!RunDeferred(end))
                    {
                        return;
                    }
                }
                else if (Settings.Mode == Bmx280Mode.Normal)
                {
                    bool deferredDue = _deferredCtrlMeas.HasValue && now >= _deferredUntil;
                    CatchUpNormalMode(deferredDue ? _deferredUntil : now);
                    if (!deferredDue)
                    {
                        return;
                    }

                    RunDeferred(_deferredUntil);
                }
                else
                {
                    return;
                }
            }
        }

        public byte Read(byte register, double now)
        {
            switch (register)
            {
                case Bmx280Registers.Reset: return 0x00; // datasheet section 5.4.2: reads as 0x00
                case Bmx280Registers.CtrlHum: return _variant == BoschVariant.Bme280 ? _ctrlHum : (byte)0x00;
                case Bmx280Registers.Status: return Status(now);
                case Bmx280Registers.CtrlMeas: return _ctrlMeas;
                case Bmx280Registers.Config: return _config;
                case Bmx280Registers.PressMsb: return (byte)(_pressureData >> 12);
                case Bmx280Registers.PressMsb + 1: return (byte)(_pressureData >> 4);
                case Bmx280Registers.PressMsb + 2: return (byte)((_pressureData & 0x0F) << 4);
                case Bmx280Registers.TempMsb: return (byte)(_temperatureData >> 12);
                case Bmx280Registers.TempMsb + 1: return (byte)(_temperatureData >> 4);
                case Bmx280Registers.TempMsb + 2: return (byte)((_temperatureData & 0x0F) << 4);
                case Bmx280Registers.HumMsb: return _variant == BoschVariant.Bme280 ? (byte)(_humidityData >> 8) : (byte)0x00;
                case Bmx280Registers.HumMsb + 1: return _variant == BoschVariant.Bme280 ? (byte)_humidityData : (byte)0x00;
                default: return _image[register]; // chip id, trimming parameters; reserved addresses read 0x00
            }
        }

        public void Write(byte register, byte value, double now)
        {
            switch (register)
            {
                case Bmx280Registers.Reset:
                    if (value == Bmx280Registers.SoftResetCommand)
                    {
                        SoftReset(now);
                    }

                    break;
                case Bmx280Registers.CtrlHum:
                    // Ignored while a mode change waits (section 3.3.1); takes effect at the next ctrl_meas write (5.4.3).
                    if (_variant == BoschVariant.Bme280 && !_deferredCtrlMeas.HasValue)
                    {
                        _ctrlHum = (byte)(value & 0b0000_0111);
                    }

                    break;
                case Bmx280Registers.CtrlMeas:
                    WriteCtrlMeas(value, now);
                    break;
                case Bmx280Registers.Config:
                    // "Writes to the config register in normal mode may be ignored" (section 5.4.6); a write resets the IIR filter (3.4.4).
                    if (Settings.Mode != Bmx280Mode.Normal)
                    {
                        _config = (byte)(value & 0b1111_1101);
                        _temperatureFilter.Reset();
                        _pressureFilter.Reset();
                    }

                    break;
                default:
                    break; // read-only: chip id, trimming NVM, status, data
            }
        }

        private void WriteCtrlMeas(byte value, double now)
        {
            if (!IsMeasuring(now))
            {
                Execute(value, now);
            }
            else if (!_deferredCtrlMeas.HasValue)
            {
                _deferredCtrlMeas = value;
                _deferredUntil = EndOfRunningMeasurement(now);
            }

            // A further write while one waits is ignored (section 3.3.1).
        }

        private void Execute(byte ctrlMeas, double now)
        {
            _ctrlMeas = ctrlMeas;
            if (_variant == BoschVariant.Bme280)
            {
                _latchedHumidityCode = _ctrlHum & 0b0000_0111;
            }

            _forced = null;
            Bmx280Settings settings = Settings;
            if (settings.Mode == Bmx280Mode.Forced)
            {
                _forced = Convert(settings, now + settings.MeasurementSeconds);
            }
            else if (settings.Mode == Bmx280Mode.Normal)
            {
                _normalStart = now;
                _normalCyclesDone = 0;
            }
        }

        private bool RunDeferred(double at)
        {
            if (!_deferredCtrlMeas.HasValue)
            {
                return false;
            }

            byte value = _deferredCtrlMeas.Value;
            _deferredCtrlMeas = null;
            Execute(value, at);
            return true;
        }

        /// <summary>Publishes the newest normal-mode result if a cycle ended since the last one (section 3.3.4).</summary>
        private void CatchUpNormalMode(double now)
        {
            Bmx280Settings settings = Settings;
            double sinceFirstEnd = now - _normalStart - settings.MeasurementSeconds;
            long completed = sinceFirstEnd < 0 ? 0 : (long)Math.Floor(sinceFirstEnd / settings.NormalPeriodSeconds) + 1;
            if (completed <= _normalCyclesDone)
            {
                return;
            }

            int repeats = (int)Math.Min(completed - _normalCyclesDone, MaxFilterCatchUp);
            Commit(Convert(settings, now), repeats);
            _normalCyclesDone = completed;
        }

        private bool IsMeasuring(double now)
        {
            if (_forced != null)
            {
                return true;
            }

            if (Settings.Mode != Bmx280Mode.Normal)
            {
                return false;
            }

            return Hung || PhaseInCycle(now) < Settings.MeasurementSeconds;
        }

        private double EndOfRunningMeasurement(double now)
        {
            if (_forced != null)
            {
                return _forced.EndsAt;
            }

            return now - PhaseInCycle(now) + Settings.MeasurementSeconds;
        }

        private double PhaseInCycle(double now)
        {
            double period = Settings.NormalPeriodSeconds;
            double elapsed = Math.Max(0.0, now - _normalStart);
            return elapsed - (Math.Floor(elapsed / period) * period);
        }

        private byte Status(double now)
        {
            int status = 0;
            if (IsMeasuring(now))
            {
                status |= Bmx280Registers.StatusMeasuring;
            }

            if (now < _imUpdateUntil)
            {
                status |= Bmx280Registers.StatusImUpdate;
            }

            return (byte)status;
        }

        /// <summary>
        /// Samples the ambient into raw ADC values. The die sits at the ambient temperature whether or not temperature is
        /// reported, so the pressure and humidity codes always depend on it (through t_fine).
        /// </summary>
        private Bmx280Conversion Convert(Bmx280Settings settings, double endsAt)
        {
            double celsius = _ambient.TemperatureC;
            double hectopascals = _ambient.PressureHpa;
            double percent = _ambient.HumidityPercent;

            int temperature = _encoder.TemperatureAdc(celsius, settings.TemperatureCode == 0 ? 20 : settings.TemperatureResolutionBits);
            int tFine = _encoder.FineTemperature(temperature);
            int pressure = settings.PressureCode == 0
                ? Bmx280Registers.SkippedTemperatureOrPressure
                : _encoder.PressureAdc(hectopascals, tFine, settings.PressureResolutionBits);
            int humidity = settings.HumidityCode == 0 ? Bmx280Registers.SkippedHumidity : _encoder.HumidityAdc(percent, tFine);
            return new Bmx280Conversion(settings, temperature, pressure, humidity, endsAt);
        }

        /// <summary>
        /// Moves a finished conversion into the data registers. A skipped quantity reads as the reset value and leaves its
        /// filter memory untouched (section 3.4.4).
        /// </summary>
        private void Commit(Bmx280Conversion conversion, int filterRepeats)
        {
            Bmx280Settings settings = conversion.Settings;
            _temperatureData = settings.TemperatureCode == 0
                ? Bmx280Registers.SkippedTemperatureOrPressure
                : Filter(_temperatureFilter, conversion.TemperatureAdc, settings.FilterCoefficient, filterRepeats);
            _pressureData = settings.PressureCode == 0
                ? Bmx280Registers.SkippedTemperatureOrPressure
                : Filter(_pressureFilter, conversion.PressureAdc, settings.FilterCoefficient, filterRepeats);
            _humidityData = conversion.HumidityAdc; // humidity is never filtered (section 3.4.4)
        }

        private static int Filter(Bmx280IirFilter filter, int adc, int coefficient, int repeats)
        {
            if (coefficient == 1)
            {
                return adc;
            }

            int output = adc;
            for (int i = 0; i < repeats; i++)
            {
                output = filter.Apply(adc, coefficient);
            }

            return output;
        }

        private void SoftReset(double now)
        {
            ResetRegisters();
            _imUpdateUntil = now + NvmCopySeconds;
        }

        /// <summary>Power-on values (section 5.3, table 18): sleep mode, everything skipped, data registers at 0x80000 / 0x8000.</summary>
        private void ResetRegisters()
        {
            _ctrlHum = 0;
            _ctrlMeas = 0;
            _config = 0;
            _latchedHumidityCode = 0;
            _temperatureData = Bmx280Registers.SkippedTemperatureOrPressure;
            _pressureData = Bmx280Registers.SkippedTemperatureOrPressure;
            _humidityData = Bmx280Registers.SkippedHumidity;
            _forced = null;
            _deferredCtrlMeas = null;
            _normalCyclesDone = 0;
            _temperatureFilter.Reset();
            _pressureFilter.Reset();
        }
    }
}
