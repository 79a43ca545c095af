using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// A PWM signal on an ESP32 LEDC channel (nanoFramework.System.Device.Pwm) at the frequency its kind asked for (a
    /// dimmer's 1 kHz, a servo's 50 Hz); the duty cycle written is inverted for an active-low driver.
    /// </summary>
    public sealed class PwmOutput : IPwmOutput
    {
        private const int PwmFunctionSpacing = 0x100;
        private readonly PwmChannel _channel;
        private readonly bool _activeLow;

        /// <param name="pwmFunction">1 to 16: the PWMn function the pin gets, one per output (<see cref="Esp32Outputs"/>
        /// picks it so that no two frequencies share an LEDC timer).</param>
        public PwmOutput(int gpio, int pwmFunction, int frequencyHz, bool activeLow, double initialDutyCycle)
        {
            _activeLow = activeLow;
            // PWMn is DeviceTypes.PWM + n * DeviceIndex (0x100) in Hardware.Esp32's DeviceTypePins.cs (v1.6.42
            // :13, :184-244): PWM2 = PWM1 + 0x100. The ESP32 keeps one pin per PWM function, so each output needs
            // its own, and CreateFromPin finds no channel for a pin no PWM function names (docs/board-apis.md).
            Configuration.SetPinFunction(gpio, (DeviceFunction)((int)DeviceFunction.PWM1 + (pwmFunction - 1) * PwmFunctionSpacing));
            _channel = PwmChannel.CreateFromPin(gpio, frequencyHz, PinDutyCycle(initialDutyCycle));
            _channel.Start();
        }

        public void Write(double dutyCycle)
        {
            _channel.DutyCycle = PinDutyCycle(dutyCycle);
        }

        private double PinDutyCycle(double dutyCycle)
        {
            return _activeLow ? 1 - dutyCycle : dutyCycle;
        }
    }
}
