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
            if (expected == null || actual == null || expected.Length != actual.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                difference |= expected[i] ^ actual[i];
            }

            return difference == 0;
        }
    }
}
