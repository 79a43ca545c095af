using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// A hobby servo on an ESP32 LEDC PWM channel (nanoFramework.System.Device.Pwm): 50 Hz, a pulse of 0.5 ms at 0° to
    /// 2.5 ms at 180° (duty 2.5 % to 12.5 % of the 20 ms period), the range of the common SG90/MG996R class.
    /// </summary>
    public sealed class ServoOutput : IAngleOutput
    {
        public const int FrequencyHz = 50;
        public const double PeriodMs = 1000.0 / FrequencyHz;
        public const double MinPulseMs = 0.5;
        public const double MaxPulseMs = 2.5;
        private const int PwmFunctionSpacing = 0x100;
        private readonly PwmChannel _channel;

        /// <param name="pwmFunction">1 to 16: the PWMn function the pin gets. nf-interpreter's ESP32 PwmChannel
        /// (targets/ESP32/_nanoCLR/System.Device.Pwm, GetChannel___STATIC__I4__I4__I4) gives PWM(2t+1) and PWM(2t+2)
        /// the LEDC timer t, and a timer has one frequency: a servo's function must not share a timer with a dimmer's
        /// 1 kHz (<see cref="Esp32Outputs"/> gives servos the functions from PWM16 down).</param>
        public ServoOutput(int gpio, int pwmFunction, int initialAngle)
        {
            // PWMn is DeviceTypes.PWM + n * DeviceIndex (0x100) (Hardware.Esp32 v1.6.42 DeviceTypePins.cs :13, :184-244)
            Configuration.SetPinFunction(gpio, (DeviceFunction)((int)DeviceFunction.PWM1 + (pwmFunction - 1) * PwmFunctionSpacing));
            _channel = PwmChannel.CreateFromPin(gpio, FrequencyHz, DutyCycleOf(initialAngle));
            _channel.Start();
        }

        public void Write(int degrees)
        {
            _channel.DutyCycle = DutyCycleOf(degrees);
        }

        /// <summary>The duty cycle (0..1) of an angle's pulse: 0.025 at 0°, 0.075 at 90°, 0.125 at 180°.</summary>
        public static double DutyCycleOf(int degrees)
        {
            double pulseMs = MinPulseMs + (MaxPulseMs - MinPulseMs) * degrees / 180.0;
            return pulseMs / PeriodMs;
        }
    }
}
