using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The CRC-8 Sensirion sends after every 16-bit word and expects after every word written to it (the SHT3x and
    /// SCD4x datasheets' checksum calculation): polynomial 0x31 (x^8 + x^5 + x^4 + 1), initial value 0xFF, no
    /// reflection, no final XOR. The datasheets' example: the CRC of 0xBE 0xEF is 0x92. Written apart from the
    /// firmware's own (SensorNode.Core.Sensors.Sensirion.SensirionCrc) on purpose: the virtual chip stands for the
    /// hardware, so a mistake in either shows against the other.
    /// </summary>
    public static class SensirionCrc
    {
        public const byte Polynomial = 0x31;
        public const byte Initial = 0xFF;

        public static byte Of(ReadOnlySpan<byte> data)
        {
            byte crc = Initial;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ Polynomial) : (byte)(crc << 1);
                }
            }

            return crc;
        }

        /// <summary>The CRC of a word as it goes on the bus, most significant byte first.</summary>
        public static byte Of(ushort word)
        {
            Span<byte> bytes = stackalloc byte[] { (byte)(word >> 8), (byte)word };
            return Of(bytes);
        }

        /// <summary>Puts a word and its CRC into the first three bytes of <paramref name="destination"/>.</summary>
        public static void WriteWord(Span<byte> destination, ushort word)
        {
            destination[0] = (byte)(word >> 8);
            destination[1] = (byte)word;
            destination[2] = Of(word);
        }

        /// <summary>Whether three bytes are a word followed by its right CRC.</summary>
        public static bool IsValidWord(ReadOnlySpan<byte> wordAndCrc)
        {
            return Of(wordAndCrc.Slice(0, 2)) == wordAndCrc[2];
        }
    }
}
