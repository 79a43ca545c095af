// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.Hardware.Esp32 v1.6.42: nanoFramework.Hardware.Esp32/Configuration.cs
// A non-static class with no constructor in the source: C#'s implicit public one is the real one too.
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration // :14
    {
        public static extern void SetPinFunction(int pin, DeviceFunction value); // :25
    }
}
