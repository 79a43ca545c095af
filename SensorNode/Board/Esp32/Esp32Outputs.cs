using System.Device.Gpio;
using SensorNode.Core.Actuators;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// The ESP32's outputs for the board profile's specs: a GPIO pin per switch, a PWM function per dimmer (PWM1, PWM2,
    /// ... at 1 kHz) and per servo (PWM16, PWM15, ... at 50 Hz). Two PWM functions in a row share an LEDC timer, and
    /// a timer one frequency, so dimmers and servos take them from opposite ends (at most 16 together).
    /// </summary>
    public sealed class Esp32Outputs : IOutputFactory
    {
        private const int PwmFunctions = 16;
        private readonly GpioController _gpio;
        private int _dimmers;
        private int _servos;

        public Esp32Outputs(GpioController gpio)
        {
            _gpio = gpio;
        }

        public IDigitalOutput Digital(OutputSpec spec)
        {
            return new GpioOutput(_gpio, spec.Gpio, spec.ActiveLow, spec.InitiallyOn);
        }

        public ILevelOutput Level(OutputSpec spec)
        {
            RequireFreePwmFunction(spec);
            return new PwmOutput(spec.Gpio, _dimmers++, spec.ActiveLow, spec.InitialLevel);
        }

        public IAngleOutput Angle(OutputSpec spec)
        {
            RequireFreePwmFunction(spec);
            return new ServoOutput(spec.Gpio, PwmFunctions - _servos++, spec.InitialLevel);
        }

        private void RequireFreePwmFunction(OutputSpec spec)
        {
            if (_dimmers + _servos >= PwmFunctions)
            {
                throw new System.ArgumentException("output " + spec.Id + ": the ESP32 has " + PwmFunctions + " PWM functions, all taken");
            }
        }
    }
}
