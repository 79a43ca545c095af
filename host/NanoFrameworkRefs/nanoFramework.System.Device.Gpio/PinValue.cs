// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Gpio v1.1.62: System.Device.Gpio/PinValue.cs
namespace System.Device.Gpio
{
    public readonly struct PinValue // :10
    {
        public static extern PinValue High { get; } // :22

        public static extern PinValue Low { get; } // :27
    }
}
