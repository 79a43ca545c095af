namespace SensorNode.Core.Text
{
    /// <summary>Hexadecimal digits as the JSON reader's \u escapes and the signed config's HMAC and key read them.</summary>
    public static class HexDigit
    {
        /// <summary>0 to 15 for '0'–'9', 'a'–'f', 'A'–'F'; -1 for anything else.</summary>
        public static int ValueOf(int c)
        {
            return c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
        }
    }
}
