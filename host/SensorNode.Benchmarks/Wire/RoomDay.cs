using System;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// A synthesised day (00:00 to 24:00) of one heated room at 1 s resolution, the same every run (seed
    /// <see cref="Seed"/>). <see cref="Truth"/> is the room itself; <see cref="Measured"/> adds a BME280's noise.
    /// <list type="bullet">
    /// <item>Temperature: free-running room 20.5 + 1.2·sin over the day, lowest at 05:00 (19.3 °C), highest at
    /// 17:00 (21.7 °C); plus a heater's offset h ≥ 0, run by a thermostat from 06:00 to 22:00 with ±0.3 °C
    /// hysteresis around 21 °C (on below 20.7, off above 21.3): while on h rises 0.02 °C/min, while off it decays
    /// towards 0 with a time constant of 60 min (so the room cools back to its free-running temperature); plus the
    /// door, opened at 12:00 for 5 minutes: −2.5 °C approached with a time constant of 1 min while open, then
    /// back to 0 in a straight line over 30 minutes.</item>
    /// <item>Humidity: 45 + 4·sin over the day (highest at 05:00), −2 %RH per °C of heater offset (warmer air,
    /// same water), and the door's +8 %RH with the same shape as its −2.5 °C.</item>
    /// <item>Pressure: 1013 + 2·sin over the day (highest at 10:00) plus weather: a front falling 3 hPa in a straight
    /// line over the day and a seeded random walk (steps of σ 0.01 hPa per minute, interpolated per second).</item>
    /// <item>Sensor noise on <see cref="Measured"/>: independent Gaussian per second, σ 0.01 °C, 0.1 %RH, 0.02 hPa.</item>
    /// </list>
    /// </summary>
    public sealed class RoomDay
    {
        public const int Seed = 20261125;
        public const int Seconds = 24 * 60 * 60;

        public const double FreeMean = 20.5;
        public const double FreeAmplitude = 1.2;
        public const double Setpoint = 21.0;
        public const double Hysteresis = 0.3;
        public const double HeatingPerMinute = 0.02;
        public const double HeaterDecayMinutes = 60;
        public const int HeaterFrom = 6 * 3600;
        public const int HeaterUntil = 22 * 3600;
        public const int DoorOpensAt = 12 * 3600;
        public const int DoorOpenSeconds = 5 * 60;
        public const int DoorRecoverySeconds = 30 * 60;
        public const double DoorTemperature = -2.5;
        public const double DoorHumidity = 8.0;
        public const double NoiseTemperature = 0.01;
        public const double NoiseHumidity = 0.1;
        public const double NoisePressure = 0.02;

        private readonly double[] _t = new double[Seconds + 1];
        private readonly double[] _rh = new double[Seconds + 1];
        private readonly double[] _p = new double[Seconds + 1];
        private readonly double[] _noise = new double[(Seconds + 1) * 3];

        /// <summary>
        /// The day; with <paramref name="noise"/> false <see cref="Measured"/> is the room itself (a noiseless chip).
        /// Another <paramref name="seed"/> is another day of the same room: its weather, and its chip's noise.
        /// </summary>
        public RoomDay(bool noise = true, int seed = Seed)
        {
            Random random = new Random(seed);
            double[] walk = new double[Seconds / 60 + 2];
            for (int m = 1; m < walk.Length; m++)
            {
                walk[m] = walk[m - 1] + 0.01 * Gaussian(random);
            }

            double h = 0;
            bool heating = false;
            for (int s = 0; s <= Seconds; s++)
            {
                double day = 2 * Math.PI * s / Seconds;
                double free = FreeMean + FreeAmplitude * Math.Sin(day - 2 * Math.PI * 11.0 / 24); // max 17:00, min 05:00
                double door = Door(s);
                double room = free + h + DoorTemperature * door;
                bool heaterHours = s >= HeaterFrom && s < HeaterUntil;
                if (!heaterHours || room > Setpoint + Hysteresis)
                {
                    heating = false;
                }
                else if (room < Setpoint - Hysteresis)
                {
                    heating = true;
                }

                _t[s] = room;
                _rh[s] = 45 + 4 * Math.Sin(day + 2 * Math.PI * 1.0 / 24) - 2 * h + DoorHumidity * door; // max 05:00
                double minute = s / 60.0;
                int m0 = (int)minute;
                double weather = -3.0 * s / Seconds + walk[m0] + (walk[m0 + 1] - walk[m0]) * (minute - m0);
                _p[s] = 1013 + 2 * Math.Sin(day - 2 * Math.PI * 4.0 / 24) + weather; // max 10:00

                h = heating ? h + HeatingPerMinute / 60 : h * Math.Exp(-1.0 / (HeaterDecayMinutes * 60));
            }

            for (int i = 0; noise && i < _noise.Length; i += 3)
            {
                _noise[i] = NoiseTemperature * Gaussian(random);
                _noise[i + 1] = NoiseHumidity * Gaussian(random);
                _noise[i + 2] = NoisePressure * Gaussian(random);
            }
        }

        /// <summary>The room at second <paramref name="second"/> of the day (clamped to 0…86400): °C, %RH, hPa.</summary>
        public (double Temperature, double Humidity, double Pressure) Truth(long second)
        {
            int s = Clamp(second);
            return (_t[s], _rh[s], _p[s]);
        }

        /// <summary>What a BME280 reads at second <paramref name="second"/>: the truth plus its noise.</summary>
        public (double Temperature, double Humidity, double Pressure) Measured(long second)
        {
            int s = Clamp(second);
            return (_t[s] + _noise[3 * s], _rh[s] + _noise[3 * s + 1], _p[s] + _noise[3 * s + 2]);
        }

        /// <summary>Quantity <paramref name="q"/> (0 temperature, 1 humidity, 2 pressure) of <see cref="Truth"/>.</summary>
        public double Truth(long second, int q)
        {
            int s = Clamp(second);
            return q == 0 ? _t[s] : q == 1 ? _rh[s] : _p[s];
        }

        /// <summary>The door's effect, 0…1: approaching 1 (time constant 1 min) while open, then linearly back to 0.</summary>
        private static double Door(int s)
        {
            int since = s - DoorOpensAt;
            if (since < 0)
            {
                return 0;
            }

            double atClose = 1 - Math.Exp(-DoorOpenSeconds / 60.0);
            if (since < DoorOpenSeconds)
            {
                return 1 - Math.Exp(-since / 60.0);
            }

            double recovered = (since - DoorOpenSeconds) / (double)DoorRecoverySeconds;
            return recovered >= 1 ? 0 : atClose * (1 - recovered);
        }

        private static int Clamp(long second) => (int)Math.Max(0, Math.Min(Seconds, second));

        /// <summary>Box–Muller: one standard normal from two uniforms.</summary>
        private static double Gaussian(Random random)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
