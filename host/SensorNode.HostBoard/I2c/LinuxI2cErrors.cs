using System.IO;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The exceptions .NET IoT's Linux I2C driver throws. UnixI2cBus turns a failed I2C_RDWR ioctl into
    /// <c>IOException("Error {errno} ({strerror}) performing I2C data transfer.")</c>; a device that does not acknowledge
    /// fails with errno 121, EREMOTEIO, on the Raspberry Pi's adapter (other adapters report ENXIO, 6).
    /// </summary>
    public static class LinuxI2cErrors
    {
        public const int RemoteIoErrno = 121;

        /// <summary>What a transfer to a device that NACKs its address throws.</summary>
        public static IOException NotAcknowledged()
        {
            return new IOException("Error " + RemoteIoErrno + " (Remote I/O error) performing I2C data transfer.");
        }
    }
}
