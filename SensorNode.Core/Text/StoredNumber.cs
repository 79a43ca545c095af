namespace SensorNode.Core.Text
{
    /// <summary>A whole number kept in the settings store as plain decimal text (the boot count, the config counter).</summary>
    public static class StoredNumber
    {
        private const int MaxDigits = 18;

        /// <summary>The stored number, or 0 when there is none or it is not a plain whole number.</summary>
        public static long Read(byte[] stored)
        {
            if (stored == null || stored.Length == 0 || stored.Length > MaxDigits)
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < stored.Length; i++)
            {
                byte b = stored[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return 0;
                }

                value = value * 10 + (b - '0');
            }

            return value;
        }

        public static byte[] ToBytes(long value)
        {
            PayloadBuilder text = new PayloadBuilder(20);
            text.AppendInteger(value);
            return text.ToArray();
        }
    }
}
