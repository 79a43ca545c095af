// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Gpio v1.1.62: System.Device.Gpio/GpioController.cs
namespace System.Device.Gpio
{
    public sealed class GpioController // :13
    {
        public extern GpioController(); // :28

        public extern GpioPin OpenPin(int pinNumber, PinMode mode); // :79
    }
}
