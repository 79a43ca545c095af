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
            // Set the level before the pin becomes an output, so an active-low relay does not click on at boot.
            _pin = controller.OpenPin(gpio);
            Write(initiallyOn);
            _pin.SetPinMode(PinMode.Output);
        }

        public void Write(bool on)
        {
            _pin.Write(OutputPolarity.PinHigh(on, _activeLow) ? PinValue.High : PinValue.Low);
        }
    }
}
