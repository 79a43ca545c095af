using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The trimming parameters Bosch writes to each BME680's NVM at the factory, and where they sit in the register map
    /// (BME680 datasheet sections 3.3.1 to 3.3.5 and 3.4.1). Types are the datasheet's.
    /// </summary>
    public sealed class Bme680Calibration
    {
        /// <summary>
        /// Plausible values of the kind a real part carries. par_t3, par_p3, par_p6 and par_p7 are signed bytes and
        /// range_switching_error a signed nibble in the datasheet, but Iot.Device.Bmxx80 4.2.0 reads them unsigned; they
        /// are small and positive here, so both readings agree.
        /// </summary>
        public static readonly Bme680Calibration Typical = new Bme680Calibration
        {
            ParT1 = 26181,
            ParT2 = 26266,
            ParT3 = 3,
            ParP1 = 37245,
            ParP2 = -10391,
            ParP3 = 88,
            ParP4 = 6817,
            ParP5 = -63,
            ParP6 = 30,
            ParP7 = 41,
            ParP8 = -1815,
            ParP9 = -3215,
            ParP10 = 30,
            ParH1 = 786,
            ParH2 = 1014,
            ParH3 = 0,
            ParH4 = 45,
            ParH5 = 20,
            ParH6 = 120,
            ParH7 = -100,
            ParG1 = -30,
            ParG2 = -9887,
            ParG3 = 18,
            ResHeatRange = 1,
            ResHeatVal = 40,
            RangeSwitchingError = 1,
        };

        public ushort ParT1 { get; init; }
        public short ParT2 { get; init; }
        public sbyte ParT3 { get; init; }
        public ushort ParP1 { get; init; }
        public short ParP2 { get; init; }
        public sbyte ParP3 { get; init; }
        public short ParP4 { get; init; }
        public short ParP5 { get; init; }
        public sbyte ParP6 { get; init; }
        public sbyte ParP7 { get; init; }
        public short ParP8 { get; init; }
        public short ParP9 { get; init; }
        public byte ParP10 { get; init; }

        /// <summary>12-bit unsigned: 0xE3 holds bits 11:4, 0xE2[3:0] bits 3:0.</summary>
        public ushort ParH1 { get; init; }

        /// <summary>12-bit unsigned: 0xE1 holds bits 11:4, 0xE2[7:4] bits 3:0.</summary>
        public ushort ParH2 { get; init; }

        public sbyte ParH3 { get; init; }
        public sbyte ParH4 { get; init; }
        public sbyte ParH5 { get; init; }
        public byte ParH6 { get; init; }
        public sbyte ParH7 { get; init; }
        public sbyte ParG1 { get; init; }
        public short ParG2 { get; init; }
        public sbyte ParG3 { get; init; }

        /// <summary>2 bits (0..3), at 0x02[5:4].</summary>
        public byte ResHeatRange { get; init; }

        public sbyte ResHeatVal { get; init; }

        /// <summary>Signed 4 bits (-8..7), at 0x04[7:4].</summary>
        public sbyte RangeSwitchingError { get; init; }

        /// <summary>Writes the parameters into a 256-byte register image at their datasheet addresses.</summary>
        public void WriteTo(byte[] registers)
        {
            if (registers == null || registers.Length != 256)
            {
                throw new ArgumentException("A register image has 256 bytes.", nameof(registers));
            }

            Check(ParH1 <= 0x0FFF, nameof(ParH1), ParH1, "12 bits");
            Check(ParH2 <= 0x0FFF, nameof(ParH2), ParH2, "12 bits");
            Check(ResHeatRange <= 3, nameof(ResHeatRange), ResHeatRange, "2 bits");
            Check(RangeSwitchingError >= -8 && RangeSwitchingError <= 7, nameof(RangeSwitchingError), RangeSwitchingError, "a signed nibble");

            WriteLittleEndian(registers, Bme680Registers.ParT1, ParT1);
            WriteLittleEndian(registers, Bme680Registers.ParT2, (ushort)ParT2);
            registers[Bme680Registers.ParT3] = (byte)ParT3;

            WriteLittleEndian(registers, Bme680Registers.ParP1, ParP1);
            WriteLittleEndian(registers, Bme680Registers.ParP2, (ushort)ParP2);
            registers[Bme680Registers.ParP3] = (byte)ParP3;
            WriteLittleEndian(registers, Bme680Registers.ParP4, (ushort)ParP4);
            WriteLittleEndian(registers, Bme680Registers.ParP5, (ushort)ParP5);
            registers[Bme680Registers.ParP6] = (byte)ParP6;
            registers[Bme680Registers.ParP7] = (byte)ParP7;
            WriteLittleEndian(registers, Bme680Registers.ParP8, (ushort)ParP8);
            WriteLittleEndian(registers, Bme680Registers.ParP9, (ushort)ParP9);
            registers[Bme680Registers.ParP10] = ParP10;

            registers[Bme680Registers.ParH2Msb] = (byte)(ParH2 >> 4);
            registers[Bme680Registers.ParH1H2Lsb] = (byte)(((ParH2 & 0x0F) << 4) | (ParH1 & 0x0F));
            registers[Bme680Registers.ParH1Msb] = (byte)(ParH1 >> 4);
            registers[Bme680Registers.ParH3] = (byte)ParH3;
            registers[Bme680Registers.ParH3 + 1] = (byte)ParH4;
            registers[Bme680Registers.ParH3 + 2] = (byte)ParH5;
            registers[Bme680Registers.ParH3 + 3] = ParH6;
            registers[Bme680Registers.ParH3 + 4] = (byte)ParH7;

            WriteLittleEndian(registers, Bme680Registers.ParG2, (ushort)ParG2);
            registers[Bme680Registers.ParG1] = (byte)ParG1;
            registers[Bme680Registers.ParG3] = (byte)ParG3;

            // The other bits of these three bytes are not documented; they read as zero here.
            registers[Bme680Registers.ResHeatVal] = (byte)ResHeatVal;
            registers[Bme680Registers.ResHeatRange] = (byte)(ResHeatRange << 4);
            registers[Bme680Registers.RangeSwitchingError] = (byte)((RangeSwitchingError & 0x0F) << 4);
        }

        private static void WriteLittleEndian(byte[] registers, int address, ushort value)
        {
            registers[address] = (byte)(value & 0xFF);
            registers[address + 1] = (byte)(value >> 8);
        }

        private static void Check(bool fits, string name, int value, string width)
        {
            if (!fits)
            {
                throw new ArgumentOutOfRangeException(name, value, "The BME680 stores this parameter in " + width + ".");
            }
        }
    }
}
