using System.Device.Gpio;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>A relay or LED on one GPIO (nanoFramework.System.Device.Gpio).</summary>
    public sealed class GpioOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        public GpioOutput(GpioController controller, int gpio, bool activeLow, bool initiallyOn)
        {
            _activeLow = activeLow;
            // nanoFramework writes only to output pins, so the pin is an output (low) for the microseconds before
            // its initial level is written; too short for a relay to pull in (hardware/README.md).
            _pin = controller.OpenPin(gpio, PinMode.Output);
            Write(initiallyOn);
        }

        public void Write(bool on)
        {
            _pin.Write(OutputPolarity.PinHigh(on, _activeLow) ? PinValue.High : PinValue.Low);
        }
    }
}
