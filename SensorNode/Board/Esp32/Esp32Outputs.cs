using System.Device.Gpio;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// The ESP32's outputs for the board profile's specs: a GPIO pin per switch, a PWM function (PWM1 to PWM16) per PWM
    /// output at the frequency its kind asks for. The native PwmChannel runs PWM(2t+1) and PWM(2t+2) on LEDC timer t,
    /// and a timer has one frequency, so an output takes the second function of a timer already at its frequency, else
    /// the first of a timer not yet used: a dimmer's 1 kHz and a servo's 50 Hz never share a timer.
    /// </summary>
    public sealed class Esp32Outputs : IOutputFactory
    {
        private const int Timers = 8;
        private readonly GpioController _gpio;
        private readonly int[] _timerFrequency = new int[Timers];
        private readonly int[] _timerOutputs = new int[Timers];

        public Esp32Outputs(GpioController gpio)
        {
            _gpio = gpio;
        }

        public IDigitalOutput Digital(OutputSpec spec)
        {
            return new GpioOutput(_gpio, spec.Gpio, spec.ActiveLow, spec.InitiallyOn);
        }

        public IPwmOutput Pwm(OutputSpec spec, int frequencyHz, double initialDutyCycle)
        {
            int timer = TimerFor(frequencyHz);
            if (timer < 0)
            {
                throw new System.ArgumentException("output " + spec.Id + ": no PWM function left for " + frequencyHz + " Hz (the ESP32 has 16, two on each of its 8 timers, and a timer runs at one frequency)");
            }

            int pwmFunction = 2 * timer + 1 + _timerOutputs[timer];
            _timerOutputs[timer]++;
            _timerFrequency[timer] = frequencyHz;
            return new PwmOutput(spec.Gpio, pwmFunction, frequencyHz, spec.ActiveLow, initialDutyCycle);
        }

        /// <summary>A timer at that frequency with a function free, else an unused timer, else -1.</summary>
        private int TimerFor(int frequencyHz)
        {
            for (int t = 0; t < Timers; t++)
            {
                if (_timerOutputs[t] == 1 && _timerFrequency[t] == frequencyHz)
                {
                    return t;
                }
            }

            for (int t = 0; t < Timers; t++)
            {
                if (_timerOutputs[t] == 0)
                {
                    return t;
                }
            }

            return -1;
        }
    }
}
