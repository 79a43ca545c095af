using nanoFramework.TestFramework;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Text
{
    [TestClass]
    public class Utf8Tests
    {
        [TestMethod]
        public static void A_surrogate_pair_is_written_as_its_one_four_byte_sequence()
        {
            PayloadBuilder text = new PayloadBuilder(16).Append("a\uD83D\uDE00b"); // U+1F600

            Assert.AreEqual(6, text.Length);
            Assert.AreEqual((byte)0xF0, text.Buffer[1]);
            Assert.AreEqual((byte)0x9F, text.Buffer[2]);
            Assert.AreEqual((byte)0x98, text.Buffer[3]);
            Assert.AreEqual((byte)0x80, text.Buffer[4]);
            Assert.AreEqual("a\uD83D\uDE00b", text.ToString(), "and read back");
        }

        [TestMethod]
        public static void A_json_string_keeps_the_pair_whole_and_a_lone_surrogate_becomes_the_replacement_character()
        {
            PayloadBuilder json = new PayloadBuilder(32).AppendJsonString("\uD83D\uDE00|\uD83D|\uDE00");

            byte[] expected = { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x7C, 0xEF, 0xBF, 0xBD, 0x7C, 0xEF, 0xBF, 0xBD, 0x22 };
            Assert.AreEqual(expected.Length, json.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], json.Buffer[i], "byte " + i);
            }
        }

        [TestMethod]
        public static void GetChars_decodes_into_a_buffer_at_an_offset()
        {
            byte[] bytes = Utf8.GetBytes("xé😀\u20AC");
            char[] chars = new char[8];
            chars[0] = '>';

            int written = Utf8.GetChars(bytes, 1, bytes.Length - 1, chars, 1);

            Assert.AreEqual(4, written);
            Assert.AreEqual(">é😀\u20AC", new string(chars, 0, 1 + written));
        }

        // Hex strings, not byte arrays: nanoFramework's launcher does not run a class whose DataRow holds an array.
        [DataRow("C080")]     // NUL in an overlong form
        [DataRow("E080AF")]   // '/' in an overlong form
        [DataRow("EDA080")]   // an encoded surrogate
        [DataRow("F4908080")] // above U+10FFFF
        [DataRow("E282")]     // a cut sequence
        [DataRow("FF")]       // never in UTF-8
        public static void What_is_not_well_formed_is_found_and_decodes_to_the_replacement_character(string hex)
        {
            byte[] payload = new byte[hex.Length / 2 + 1];
            payload[0] = (byte)'x';
            for (int i = 0; i < hex.Length / 2; i++)
            {
                payload[i + 1] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[2 * i + 1]));
            }

            Assert.AreEqual(1, Utf8.FirstInvalidByte(payload, 0, payload.Length));
            string decoded = Utf8.GetString(payload, 0, payload.Length);
            Assert.AreEqual('\uFFFD', decoded[1]);
            Assert.AreEqual(-1, decoded.IndexOf('\u0000'));
        }

        private static int HexValue(char c)
        {
            return c <= '9' ? c - '0' : c - 'A' + 10;
        }

        [TestMethod]
        public static void Well_formed_text_of_every_length_is_accepted_and_counted()
        {
            string text = "aé€\uD83D\uDE00";
            byte[] bytes = Utf8.GetBytes(text);

            Assert.AreEqual(-1, Utf8.FirstInvalidByte(bytes, 0, bytes.Length));
            Assert.AreEqual(1 + 2 + 3 + 4, bytes.Length);
            Assert.AreEqual(bytes.Length, Utf8.ByteCount(text));
            Assert.AreEqual(text, Utf8.GetString(bytes));
        }
    }
}
