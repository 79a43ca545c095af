// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Gpio v1.1.62: System.Device.Gpio/GpioPin.cs (the source spells the class name with
// a U+200B between "Gpio" and "Pin"; C# drops formatting characters from identifiers, the metadata name is GpioPin)
namespace System.Device.Gpio
{
    public sealed class GpioPin // :19
    {
        internal extern GpioPin(int pinNumber); // :38 (internal: declared only so C# adds no public constructor)

        public extern void Write(PinValue value); // :162
    }
}
