using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>The chip's power mode, from ctrl_meas.mode[1:0] (datasheet section 5.4.5: 01 and 10 are both forced).</summary>
    internal enum Bmx280Mode
    {
        Sleep,
        Forced,
        Normal
    }

    /// <summary>What the control registers ask the chip to do, decoded (BME280 datasheet sections 5.4.3 to 5.4.6).</summary>
    internal readonly struct Bmx280Settings
    {
        private readonly BoschVariant _variant;
        private readonly byte _ctrlMeas;
        private readonly int _humidityCode;
        private readonly byte _config;

        /// <param name="humidityCode">osrs_h as latched by the last ctrl_meas write (datasheet 5.4.3), ignored on a BMP280.</param>
        public Bmx280Settings(BoschVariant variant, byte ctrlMeas, int humidityCode, byte config)
        {
            _variant = variant;
            _ctrlMeas = ctrlMeas;
            _humidityCode = humidityCode;
            _config = config;
        }

        public int TemperatureCode => (_ctrlMeas >> 5) & 7;

        public int PressureCode => (_ctrlMeas >> 2) & 7;

        public int HumidityCode => _variant == BoschVariant.Bme280 ? _humidityCode & 7 : 0;

        public Bmx280Mode Mode
        {
            get
            {
                switch (_ctrlMeas & 3)
                {
                    case 0: return Bmx280Mode.Sleep;
                    case 3: return Bmx280Mode.Normal;
                    default: return Bmx280Mode.Forced;
                }
            }
        }

        /// <summary>The IIR filter coefficient of config.filter[2:0]: 1 (off), 2, 4, 8, 16 (codes 4..7 all mean 16).</summary>
        public int FilterCoefficient
        {
            get
            {
                int code = (_config >> 2) & 7;
                return code >= 4 ? 16 : 1 << code;
            }
        }

        /// <summary>
        /// Bits of a temperature result: 20 with the IIR filter on, else 16 + (osrs_t - 1) (datasheet section 3.4.3).
        /// </summary>
        public int TemperatureResolutionBits => ResolutionBits(TemperatureCode);

        /// <summary>Bits of a pressure result, the same rule as temperature (datasheet section 3.4.2).</summary>
        public int PressureResolutionBits => ResolutionBits(PressureCode);

        public double MeasurementSeconds => Bmx280Timing.MaxMeasurementMs(TemperatureCode, PressureCode, HumidityCode) / 1000.0;

        /// <summary>One normal-mode cycle: a measurement, then t_standby (datasheet section 3.3.4).</summary>
        public double NormalPeriodSeconds => MeasurementSeconds + (Bmx280Timing.StandbyMs(_config >> 5, _variant) / 1000.0);

        private int ResolutionBits(int code)
        {
            return FilterCoefficient > 1 ? 20 : 15 + Math.Clamp(code, 1, 5);
        }
    }
}
