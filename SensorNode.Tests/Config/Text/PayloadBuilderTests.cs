using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Text
{
    [TestClass]
    public class PayloadBuilderTests
    {
        [DataRow(21.5, 2, "21.50")]
        [DataRow(21.456, 2, "21.46")]
        [DataRow(-3.14159, 2, "-3.14")]
        [DataRow(-0.004, 2, "0.00")]
        [DataRow(-0.005, 2, "-0.01")]
        [DataRow(1013.254, 2, "1013.25")]
        [DataRow(45.06, 1, "45.1")]
        [DataRow(123456.7, 0, "123457")]
        [DataRow(0.0, 3, "0.000")]
        [DataRow(9.9999, 2, "10.00")]
        public static void AppendFixed_writes_invariant_decimal_with_fixed_decimals(double value, int decimals, string expected)
        {
            PayloadBuilder builder = new PayloadBuilder(32);

            builder.AppendFixed(value, decimals);

            Assert.AreEqual(expected, builder.ToString());
        }

        [TestMethod]
        public static void AppendInteger_handles_sign_and_zero()
        {
            PayloadBuilder builder = new PayloadBuilder(64);

            builder.AppendInteger(0).Append(' ').AppendInteger(-42).Append(' ').AppendInteger(9876543210L);

            Assert.AreEqual("0 -42 9876543210", builder.ToString());
        }

        [TestMethod]
        public static void AppendJsonString_escapes_quotes_backslashes_and_control_characters()
        {
            PayloadBuilder builder = new PayloadBuilder(64);

            builder.AppendJsonString("a\"b\\c\nd\u0001é");

            Assert.AreEqual("\"a\\\"b\\\\c\\nd\\u0001é\"", builder.ToString());
        }

        [TestMethod]
        public static void Non_ascii_text_is_written_as_utf8()
        {
            PayloadBuilder builder = new PayloadBuilder(16);

            builder.Append("°C");

            Assert.AreEqual(3, builder.Length);
            Assert.AreEqual((byte)0xC2, builder.Buffer[0]);
            Assert.AreEqual((byte)0xB0, builder.Buffer[1]);
        }

        [TestMethod]
        public static void AppendIso8601Utc_writes_a_zulu_timestamp()
        {
            PayloadBuilder builder = new PayloadBuilder(32);

            builder.AppendIso8601Utc(new DateTime(2026, 3, 7, 4, 5, 9));

            Assert.AreEqual("2026-03-07T04:05:09Z", builder.ToString());
        }

        [TestMethod]
        public static void Writing_past_capacity_sets_overflowed_instead_of_throwing()
        {
            PayloadBuilder builder = new PayloadBuilder(4);

            builder.Append("12345");

            Assert.IsTrue(builder.Overflowed);
            Assert.AreEqual(4, builder.Length);
            Assert.AreEqual(5, builder.NeededLength, "what a buffer must hold to take it whole");
            Assert.IsFalse(builder.Clear().Overflowed);
            Assert.AreEqual(0, builder.NeededLength);
        }

        [TestMethod]
        public static void A_builder_without_room_measures_what_it_is_given()
        {
            PayloadBuilder measure = new PayloadBuilder(0);

            measure.Append('{').AppendJsonKey("°C").AppendFixed(21.5, 2).Append('}');

            Assert.AreEqual(Utf8.GetBytes("{\"°C\":21.50}").Length, measure.NeededLength);
            Assert.AreEqual(0, measure.Length);
        }

        [TestMethod]
        public static void Utf8_round_trips_and_replaces_malformed_bytes()
        {
            Assert.AreEqual("Grüße °C", Utf8.GetString(Utf8.GetBytes("Grüße °C")));
            Assert.AreEqual("a\uFFFDb", Utf8.GetString(new byte[] { (byte)'a', 0xC3, (byte)'b' }));
        }
    }
}
