// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.I2c v1.1.29: System.Device.I2c/I2cDevice.cs
namespace System.Device.I2c
{
    public class I2cDevice // :12 (IDisposable in the source; the board disposes the device of an address that never answered)
    {
        public extern I2cDevice(I2cConnectionSettings settings); // :128

        public extern I2cTransferResult Read(SpanByte buffer); // :57

        public extern I2cTransferResult Write(SpanByte buffer); // :87

        public extern I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer); // :106

        public static extern I2cDevice Create(I2cConnectionSettings settings); // :119

        public extern void Dispose(); // :163
    }
}
