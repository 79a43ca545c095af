// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.Hardware.Esp32 v1.6.42: nanoFramework.Hardware.Esp32/DeviceTypePins.cs
// Values computed from the source's expressions: DeviceTypes.X = n * 0x10000 (:20-45), ValueTypes.DeviceIndex = 0x100 (:13).
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction // :67
    {
        I2C1_DATA = 0x20100, // :98  DeviceTypes.I2C (2 * 0x10000) + 1 * DeviceIndex + 0
        I2C1_CLOCK = 0x20101, // :102 DeviceTypes.I2C + 1 * DeviceIndex + 1
        PWM1 = 0x40100, // :184 DeviceTypes.PWM (4 * 0x10000) + 1 * DeviceIndex + 0
        // PWM2..PWM16 (:188-244) are DeviceTypes.PWM + n * DeviceIndex: 0x100 apart, so PWM2 = PWM1 + 0x100, not PWM1 + 1.
    }
}
