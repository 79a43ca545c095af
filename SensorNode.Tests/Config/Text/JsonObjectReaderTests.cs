using nanoFramework.TestFramework;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Text
{
    [TestClass]
    public class JsonObjectReaderTests
    {
        [TestMethod]
        public static void Reads_strings_numbers_booleans_and_null_in_order()
        {
            JsonObjectReader reader = Reader("{ \"s\": \"a\\\"b\\u00e9\", \"n\": -12.5e1, \"t\": true, \"f\": false, \"z\": null }");

            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("s", reader.Key);
            Assert.AreEqual("a\"bé", reader.StringValue);
            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual(-125.0, reader.NumberValue);
            Assert.IsTrue(reader.MoveNext());
            Assert.IsTrue(reader.Kind == JsonValueKind.Boolean && reader.BooleanValue);
            Assert.IsTrue(reader.MoveNext());
            Assert.IsFalse(reader.BooleanValue);
            Assert.IsTrue(reader.MoveNext());
            Assert.IsTrue(reader.Kind == JsonValueKind.Null);
            Assert.IsFalse(reader.MoveNext());
            Assert.IsNull(reader.Error);
        }

        [TestMethod]
        public static void Empty_object_has_no_members()
        {
            JsonObjectReader reader = Reader(" {} ");

            Assert.IsFalse(reader.MoveNext());
            Assert.IsNull(reader.Error);
        }

        [TestMethod]
        public static void Utf8_in_strings_is_decoded()
        {
            JsonObjectReader reader = Reader("{\"ssid\":\"Café-Netz\"}");

            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("Café-Netz", reader.StringValue);
        }

        [DataRow("")]
        [DataRow("[1,2]")]
        [DataRow("{\"a\":1")]
        [DataRow("{\"a\" 1}")]
        [DataRow("{\"a\":{\"b\":1}}")]
        [DataRow("{\"a\":tru}")]
        [DataRow("{\"a\":\"unterminated}")]
        [DataRow("{\"a\":1,}")]
        [DataRow("{\"a\":1} trailing")]
        [DataRow("{\"a\":-}")]
        [DataRow("{a:1}")]
        public static void Malformed_json_sets_error(string json)
        {
            JsonObjectReader reader = Reader(json);

            while (reader.MoveNext())
            {
            }

            Assert.IsNotNull(reader.Error, "no error for: " + json);
        }

        [TestMethod]
        public static void Escapes_and_multibyte_utf8_mix_in_one_string()
        {
            JsonObjectReader reader = Reader("{\"s\":\"\\tCafé \\u00e9 ☕ 😀 end\"}");

            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("\tCafé é ☕ 😀 end", reader.StringValue);
        }

        /// <summary>Found by fuzzing (host/SensorNode.FuzzTests): the exponent's digits past 400 were left unread, so valid JSON was rejected.</summary>
        [TestMethod]
        public static void An_exponent_of_any_length_is_read_whole()
        {
            JsonObjectReader reader = Reader("{\"big\":81e400883,\"tiny\":1e-4000000,\"next\":true}");

            Assert.IsTrue(reader.MoveNext());
            Assert.IsTrue(double.IsPositiveInfinity(reader.NumberValue));
            Assert.IsTrue(reader.MoveNext());
            Assert.IsTrue(reader.NumberValue == 0);
            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("next", reader.Key);
            Assert.IsFalse(reader.MoveNext());
            Assert.IsNull(reader.Error);
        }

        /// <summary>
        /// Found by fuzzing: after an escape, a broken UTF-8 lead byte took the bytes after it into its sequence
        /// unchecked, so the closing quote (or a backslash, or a control byte) right after it was read as text.
        /// </summary>
        [TestMethod]
        public static void A_quote_after_a_broken_utf8_sequence_still_ends_the_string()
        {
            // {"a":"\n<C3>","b":1} - C3 starts a two-byte sequence that never comes.
            byte[] json = { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'n', 0xC3, (byte)'"', (byte)',', (byte)'"', (byte)'b', (byte)'"', (byte)':', (byte)'1', (byte)'}' };
            JsonObjectReader reader = new JsonObjectReader(json, json.Length);

            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("\n\uFFFD", reader.StringValue);
            Assert.IsTrue(reader.MoveNext());
            Assert.AreEqual("b", reader.Key);
            Assert.IsFalse(reader.MoveNext());
            Assert.IsNull(reader.Error);
        }

        private static JsonObjectReader Reader(string json)
        {
            byte[] bytes = Utf8.GetBytes(json);
            return new JsonObjectReader(bytes, bytes.Length);
        }
    }
}
