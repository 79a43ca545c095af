using SensorNode.Core.Board;
using SensorNode.Core.Text;

namespace SensorNode.Core.Web
{
    /// <summary>
    /// The node's own password for its access point and web page: the board's (printed on a label) when it has one,
    /// else made at the first boot from <see cref="Alphabet"/> (12 characters, 60 bits) and kept in the settings
    /// store, so it stays the same across reboots. Printed on the serial console at every boot.
    /// </summary>
    public static class WebPassword
    {
        public const string FileName = "sensornode-web-password.txt";
        public const int Length = 12;

        /// <summary>32 characters, none that looks like another (no l, 1, o, 0).</summary>
        public const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

        public static string LoadOrCreate(string boardPassword, ISettingsStore store, IRandom random)
        {
            if (boardPassword != null && boardPassword.Length >= BasicAuth.MinPasswordChars)
            {
                return boardPassword;
            }

            byte[] stored = store.Load(FileName);
            if (stored != null && stored.Length >= BasicAuth.MinPasswordChars && stored.Length <= 64)
            {
                return Utf8.GetString(stored, 0, stored.Length);
            }

            char[] chars = new char[Length];
            byte[] bytes = new byte[Length];
            for (int i = 0; i < Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
                bytes[i] = (byte)chars[i];
            }

            store.Save(FileName, bytes);
            return new string(chars);
        }
    }
}
