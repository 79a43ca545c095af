// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.I2c v1.1.29: System.Device.I2c/I2cConnectionSettings.cs
namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings // :10
    {
        public extern I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed); // :39
    }
}
