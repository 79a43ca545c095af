using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// Indoor air that changes the way a room does: slow cycles (temperature over 20 minutes, relative humidity moving
    /// against it, pressure over 3 hours, CO2 rising and falling with occupancy over 2 hours) plus small bounded random
    /// wander, around 21.5 °C, 45 %RH, 1013.25 hPa and 900 ppm; a BME680's gas resistance around 80 kΩ falls as the CO2
    /// (occupancy) rises. Reproducible for a given seed and sequence of clock readings.
    /// </summary>
    public sealed class DriftingAmbient : IAmbient
    {
        public const double BaseTemperatureC = 21.5;
        public const double BaseHumidityPercent = 45.0;
        public const double BasePressureHpa = 1013.25;
        public const double BaseCo2Ppm = 900.0;
        public const double BaseGasResistanceOhms = 80000.0;

        // Wander is advanced in whole steps of this many seconds; after a long gap only the last steps matter
        // (the slowest wander forgets its past within ~600 s), so catching up is capped.
        private const double StepSeconds = 1.0;
        private const int MaxCatchUpSteps = 3600;

        private static readonly Cycle TemperatureCycle = new Cycle(amplitude: 1.0, periodSeconds: 20 * 60);
        private static readonly Cycle HumidityCycle = new Cycle(amplitude: -4.0, periodSeconds: 20 * 60); // RH falls as the air warms
        private static readonly Cycle PressureCycle = new Cycle(amplitude: 1.5, periodSeconds: 3 * 3600);
        private static readonly Cycle Co2Cycle = new Cycle(amplitude: 350.0, periodSeconds: 2 * 3600); // 550..1250 ppm

        // People bring volatile organic compounds with the CO2, which lower a metal-oxide sensor's resistance.
        private static readonly Cycle GasResistanceCycle = new Cycle(amplitude: -30000.0, periodSeconds: 2 * 3600);

        private readonly object _sync = new object();
        private readonly Func<double> _clockSeconds;
        private readonly Random _random;

        // CO2 draws from its own generator so that adding it left every seed's temperature, humidity and pressure as
        // they were.
        private readonly Random _co2Random;

        // Gas resistance, added later still, likewise draws from its own.
        private readonly Random _gasRandom;
        private readonly Wander _temperatureWander = new Wander(stepSigma: 0.02, relaxSeconds: 300, bound: 0.5);
        private readonly Wander _humidityWander = new Wander(stepSigma: 0.08, relaxSeconds: 300, bound: 2.0);
        private readonly Wander _pressureWander = new Wander(stepSigma: 0.01, relaxSeconds: 600, bound: 0.3);
        private readonly Wander _co2Wander = new Wander(stepSigma: 4.0, relaxSeconds: 600, bound: 100.0);
        private readonly Wander _gasResistanceWander = new Wander(stepSigma: 300.0, relaxSeconds: 600, bound: 8000.0);
        private readonly double _phase;
        private readonly double _co2Phase;
        private double _steppedUntil;

        /// <param name="seed">Seeds the wander and the cycles' phase.</param>
        /// <param name="clockSeconds">Monotonic seconds; real time (<see cref="MonotonicClock"/>) when null.</param>
        public DriftingAmbient(int seed, Func<double> clockSeconds = null)
        {
            _clockSeconds = clockSeconds ?? MonotonicClock.StartNew();
            _random = new Random(seed);
            _phase = _random.NextDouble() * 2.0 * Math.PI;
            _co2Random = new Random(unchecked((seed * 31) + 7));
            _co2Phase = _co2Random.NextDouble() * 2.0 * Math.PI;
            _gasRandom = new Random(unchecked((seed * 31) + 11));
            _steppedUntil = _clockSeconds();
        }

        public double TemperatureC => Current(now => BaseTemperatureC + TemperatureCycle.At(now, _phase) + _temperatureWander.Value, -40.0, 85.0);

        public double HumidityPercent => Current(now => BaseHumidityPercent + HumidityCycle.At(now, _phase) + _humidityWander.Value, 0.0, 100.0);

        public double PressureHpa => Current(now => BasePressureHpa + PressureCycle.At(now, _phase) + _pressureWander.Value, 300.0, 1100.0);

        /// <summary>Between 450 and 1350 ppm: a lived-in room, never below outdoor air (about 420 ppm).</summary>
        public double Co2Ppm => Current(now => BaseCo2Ppm + Co2Cycle.At(now, _co2Phase) + _co2Wander.Value, 420.0, 1500.0);

        /// <summary>Between 42 and 118 kΩ (cycle ±30 kΩ, wander ±8 kΩ); never outside 20..200 kΩ.</summary>
        public double GasResistanceOhms => Current(
            now => BaseGasResistanceOhms + GasResistanceCycle.At(now, _co2Phase) + _gasResistanceWander.Value, 20000.0, 200000.0);

        /// <summary>
        /// A value at the clock's current time, clamped to the sensor's operating range (BME280 datasheet table 1) or, for
        /// CO2 and gas resistance, to a room's.
        /// </summary>
        private double Current(Func<double, double> valueAt, double minimum, double maximum)
        {
            lock (_sync)
            {
                double now = _clockSeconds();
                StepTo(now);
                return Math.Clamp(valueAt(now), minimum, maximum);
            }
        }

        private void StepTo(double now)
        {
            long steps = (long)Math.Floor((now - _steppedUntil) / StepSeconds);
            if (steps <= 0)
            {
                return;
            }

            _steppedUntil += steps * StepSeconds;
            for (long i = Math.Max(0, steps - MaxCatchUpSteps); i < steps; i++)
            {
                _temperatureWander.Step(_random, StepSeconds);
                _humidityWander.Step(_random, StepSeconds);
                _pressureWander.Step(_random, StepSeconds);
                _co2Wander.Step(_co2Random, StepSeconds);
                _gasResistanceWander.Step(_gasRandom, StepSeconds);
            }
        }

        /// <summary>A slow sinusoid.</summary>
        private sealed class Cycle
        {
            private readonly double _amplitude;
            private readonly double _periodSeconds;

            public Cycle(double amplitude, double periodSeconds)
            {
                _amplitude = amplitude;
                _periodSeconds = periodSeconds;
            }

            public double At(double seconds, double phase)
            {
                return _amplitude * Math.Sin((2.0 * Math.PI * seconds / _periodSeconds) + phase);
            }
        }

        /// <summary>
        /// A mean-reverting random walk (Ornstein–Uhlenbeck) held within ±bound: small noise that never runs away.
        /// </summary>
        private sealed class Wander
        {
            private readonly double _stepSigma;
            private readonly double _relaxSeconds;
            private readonly double _bound;

            public Wander(double stepSigma, double relaxSeconds, double bound)
            {
                _stepSigma = stepSigma;
                _relaxSeconds = relaxSeconds;
                _bound = bound;
            }

            public double Value { get; private set; }

            public void Step(Random random, double seconds)
            {
                double pull = -Value * seconds / _relaxSeconds;
                double kick = _stepSigma * Math.Sqrt(seconds) * Gaussian(random);
                Value = Math.Clamp(Value + pull + kick, -_bound, _bound);
            }

            private static double Gaussian(Random random)
            {
                // Box–Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
                double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
                return radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
            }
        }
    }
}
