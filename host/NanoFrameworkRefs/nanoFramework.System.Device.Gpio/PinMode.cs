// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Gpio v1.1.62: System.Device.Gpio/PinMode.cs (members in order from 0, no initializers)
namespace System.Device.Gpio
{
    public enum PinMode // :10
    {
        Output = 3, // :30
    }
}
