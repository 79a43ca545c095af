namespace SensorNode.Core.Text
{
    public static class Bytes
    {
        /// <summary>
        /// True when both hold the same bytes. Compares every byte whatever the first difference, so the time taken
        /// tells nothing of where they differ (it also compares HMACs).
        /// </summary>
        public static bool Same(byte[] expected, byte[] actual)
        {
            return expected != null && Same(expected, expected.Length, actual);
        }

        /// <summary>True when <paramref name="actual"/> holds exactly the first <paramref name="expectedLength"/> bytes of <paramref name="expected"/>.</summary>
        public static bool Same(byte[] expected, int expectedLength, byte[] actual)
        {
            if (actual == null || expectedLength != actual.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < expectedLength; i++)
            {
                difference |= expected[i] ^ actual[i];
            }

            return difference == 0;
        }
    }
}
