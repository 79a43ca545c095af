using System.Device.I2c;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>Register access the way a driver does it over I2C: pointer write, then a burst read.</summary>
    internal static class ChipBus
    {
        public static byte[] Read(I2cDevice chip, byte register, int count)
        {
            byte[] bytes = new byte[count];
            chip.WriteRead(new[] { register }, bytes);
            return bytes;
        }

        public static byte Read(I2cDevice chip, byte register)
        {
            return Read(chip, register, 1)[0];
        }

        public static void Write(I2cDevice chip, byte register, byte value)
        {
            chip.Write(new[] { register, value });
        }

        /// <summary>A 20-bit result from msb, lsb, xlsb[7:4] (temperature at 0xFA, pressure at 0xF7).</summary>
        public static int Read20(I2cDevice chip, byte msbRegister)
        {
            byte[] b = Read(chip, msbRegister, 3);
            return (b[0] << 12) | (b[1] << 4) | (b[2] >> 4);
        }

        /// <summary>The 16-bit humidity result from 0xFD, 0xFE.</summary>
        public static int Read16(I2cDevice chip, byte msbRegister)
        {
            byte[] b = Read(chip, msbRegister, 2);
            return (b[0] << 8) | b[1];
        }
    }
}
