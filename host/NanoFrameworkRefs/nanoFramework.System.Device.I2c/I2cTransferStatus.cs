// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.I2c v1.1.29: System.Device.I2c/I2cTransferStatus.cs (members in order from 0, no initializers)
namespace System.Device.I2c
{
    public enum I2cTransferStatus // :10
    {
        FullTransfer = 1, // :22
        ClockStretchTimeout = 2, // :27
        PartialTransfer = 3, // :34
        SlaveAddressNotAcknowledged = 4, // :39
    }
}
