using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// A dimmer on an ESP32 LEDC PWM channel (nanoFramework.System.Device.Pwm): the level is the duty cycle,
    /// inverted for an active-low driver. 1 kHz: above visible flicker, within what a logic-level MOSFET module
    /// switches cleanly.
    /// </summary>
    public sealed class PwmOutput : ILevelOutput
    {
        public const int FrequencyHz = 1000;
        private const int PwmFunctionSpacing = 0x100;
        private readonly PwmChannel _channel;
        private readonly bool _activeLow;

        /// <param name="pwmIndex">0 for the board's first dimmer, 1 for the second...: each needs a PWM function of its own.</param>
        public PwmOutput(int gpio, int pwmIndex, bool activeLow, int initialLevel)
        {
            _activeLow = activeLow;
            // PWMn is DeviceTypes.PWM + n * DeviceIndex (0x100) in Hardware.Esp32's DeviceTypePins.cs (v1.6.42
            // :13, :184-244): PWM2 = PWM1 + 0x100. The ESP32 keeps one pin per PWM function, so each dimmer needs
            // its own, and CreateFromPin finds no channel for a pin no PWM function names (docs/board-apis.md).
            Configuration.SetPinFunction(gpio, (DeviceFunction)((int)DeviceFunction.PWM1 + pwmIndex * PwmFunctionSpacing));
            _channel = PwmChannel.CreateFromPin(gpio, FrequencyHz, DutyCycleOf(initialLevel));
            _channel.Start();
        }

        public void Write(int percent)
        {
            _channel.DutyCycle = DutyCycleOf(percent);
        }

        private double DutyCycleOf(int percent)
        {
            double duty = percent / 100.0;
            return _activeLow ? 1 - duty : duty;
        }
    }
}
