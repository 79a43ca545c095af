using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The trimming parameters Bosch writes to each chip's NVM at the factory, and where they sit in the register map
    /// (BME280 datasheet section 4.2.2, table 16; BMP280 datasheet section 3.11.2, table 17).
    /// </summary>
    public sealed class Bmx280Calibration
    {
        /// <summary>
        /// The BMP280 datasheet's worked example of the compensation formulas for temperature and pressure, and plausible
        /// humidity constants of a real BME280 part.
        /// </summary>
        public static readonly Bmx280Calibration Typical = new Bmx280Calibration
        {
            DigT1 = 27504,
            DigT2 = 26435,
            DigT3 = -1000,
            DigP1 = 36477,
            DigP2 = -10685,
            DigP3 = 3024,
            DigP4 = 2855,
            DigP5 = 140,
            DigP6 = -7,
            DigP7 = 15500,
            DigP8 = -14600,
            DigP9 = 6000,
            DigH1 = 75,
            DigH2 = 362,
            DigH3 = 0,
            DigH4 = 313,
            DigH5 = 50,
            DigH6 = 30,
        };

        public ushort DigT1 { get; init; }
        public short DigT2 { get; init; }
        public short DigT3 { get; init; }
        public ushort DigP1 { get; init; }
        public short DigP2 { get; init; }
        public short DigP3 { get; init; }
        public short DigP4 { get; init; }
        public short DigP5 { get; init; }
        public short DigP6 { get; init; }
        public short DigP7 { get; init; }
        public short DigP8 { get; init; }
        public short DigP9 { get; init; }
        public byte DigH1 { get; init; }
        public short DigH2 { get; init; }
        public byte DigH3 { get; init; }

        /// <summary>12-bit signed (-2048..2047): stored as 0xE4[7:0] = bits 11:4, 0xE5[3:0] = bits 3:0.</summary>
        public short DigH4 { get; init; }

        /// <summary>12-bit signed (-2048..2047): stored as 0xE5[7:4] = bits 3:0, 0xE6[7:0] = bits 11:4.</summary>
        public short DigH5 { get; init; }

        public sbyte DigH6 { get; init; }

        /// <summary>Writes the parameters into a 256-byte register image at their datasheet addresses.</summary>
        public void WriteTo(byte[] registers, BoschVariant variant)
        {
            if (registers == null || registers.Length != 256)
            {
                throw new ArgumentException("A register image has 256 bytes.", nameof(registers));
            }

            ushort[] words = { DigT1, (ushort)DigT2, (ushort)DigT3, DigP1, (ushort)DigP2, (ushort)DigP3, (ushort)DigP4,
                (ushort)DigP5, (ushort)DigP6, (ushort)DigP7, (ushort)DigP8, (ushort)DigP9 };
            for (int i = 0; i < words.Length; i++)
            {
                WriteLittleEndian(registers, Bmx280Registers.CalibrationStart + (2 * i), words[i]);
            }

            if (variant != BoschVariant.Bme280)
            {
                return; // the BMP280 has no humidity trimming: 0xA1 and 0xE1..0xE7 are reserved
            }

            CheckTwelveBitSigned(DigH4, nameof(DigH4));
            CheckTwelveBitSigned(DigH5, nameof(DigH5));
            registers[Bmx280Registers.DigH1] = DigH1;
            WriteLittleEndian(registers, Bmx280Registers.DigH2, (ushort)DigH2);
            registers[0xE3] = DigH3;
            registers[0xE4] = (byte)((DigH4 >> 4) & 0xFF);
            registers[0xE5] = (byte)((DigH4 & 0x0F) | ((DigH5 & 0x0F) << 4));
            registers[0xE6] = (byte)((DigH5 >> 4) & 0xFF);
            registers[0xE7] = (byte)DigH6;
        }

        private static void WriteLittleEndian(byte[] registers, int address, ushort value)
        {
            registers[address] = (byte)(value & 0xFF);
            registers[address + 1] = (byte)(value >> 8);
        }

        private static void CheckTwelveBitSigned(short value, string name)
        {
            if (value < -2048 || value > 2047)
            {
                throw new ArgumentOutOfRangeException(name, value, "The BME280 stores this parameter in 12 bits.");
            }
        }
    }
}
