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

        private static JsonObjectReader Reader(string json)
        {
            byte[] bytes = Utf8.GetBytes(json);
            return new JsonObjectReader(bytes, bytes.Length);
        }
    }
}
