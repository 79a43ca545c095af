namespace SensorNode.Core.Sensors.Sensirion
{
    /// <summary>Sensirion's CRC-8 over each 16-bit word of a response (polynomial 0x31, init 0xFF; SHT3x and SCD4x datasheets), also Aosong's (AHT20).</summary>
    public static class SensirionCrc
    {
        public static byte Of(byte first, byte second)
        {
            int crc = 0xFF;
            crc = Step(crc ^ first);
            crc = Step(crc ^ second);
            return (byte)crc;
        }

        /// <summary>The same CRC over <paramref name="count"/> bytes of <paramref name="data"/> (Aosong's AHT20 sends it after its 6-byte answer).</summary>
        public static byte Of(byte[] data, int offset, int count)
        {
            int crc = 0xFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc = Step(crc ^ data[i]);
            }

            return (byte)crc;
        }

        /// <summary>True when each of the <paramref name="words"/> 3-byte groups (word, CRC) in <paramref name="response"/> checks.</summary>
        public static bool WordsValid(byte[] response, int words)
        {
            for (int w = 0; w < words; w++)
            {
                int i = w * 3;
                if (Of(response[i], response[i + 1]) != response[i + 2])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Word <paramref name="index"/> of a response of (word, CRC) groups.</summary>
        public static int Word(byte[] response, int index)
        {
            return (response[index * 3] << 8) | response[index * 3 + 1];
        }

        private static int Step(int crc)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }

            return crc;
        }
    }
}
