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
            return actual != null && expectedLength == actual.Length && SamePrefix(expected, actual, expectedLength);
        }

        /// <summary>True when the first <paramref name="length"/> bytes of both are the same (both at least that long).</summary>
        public static bool SamePrefix(byte[] first, byte[] second, int length)
        {
            int difference = 0;
            for (int i = 0; i < length; i++)
            {
                difference |= first[i] ^ second[i];
            }

            return difference == 0;
        }
    }
}
