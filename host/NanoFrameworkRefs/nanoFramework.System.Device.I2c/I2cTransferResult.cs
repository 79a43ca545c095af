// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.I2c v1.1.29: System.Device.I2c/I2cTransferResult.cs
namespace System.Device.I2c
{
    public struct I2cTransferResult // :11
    {
        public extern I2cTransferStatus Status { get; } // :28
    }
}
