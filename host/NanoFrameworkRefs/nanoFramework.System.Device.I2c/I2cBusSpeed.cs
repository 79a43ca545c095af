// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.I2c v1.1.29: System.Device.I2c/I2cBusSpeed.cs
namespace System.Device.I2c
{
    public enum I2cBusSpeed // :12
    {
        StandardMode = 0, // :17 (first member)
    }
}
