using nanoFramework.TestFramework;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Mqtt
{
    [TestClass]
    public class RetainedPayloadArraysTests
    {
        [TestMethod]
        public static void A_payload_comes_back_in_an_array_of_exactly_its_length()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(4);
            byte[] buffer = Utf8.GetBytes("21.46 and the rest of a longer buffer");

            byte[] copy = arrays.CopyOf("n/sensor/t", buffer, 5);

            Assert.AreEqual("21.46", Utf8.GetString(copy, 0, copy.Length));
            Assert.AreEqual(5, copy.Length);
        }

        [TestMethod]
        public static void The_same_topic_and_length_reuse_one_array_with_the_new_value()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(4);
            byte[] first = arrays.CopyOf("n/sensor/t", Utf8.GetBytes("21.46"), 5);
            byte[] second = arrays.CopyOf("n/sensor/t", Utf8.GetBytes("21.47"), 5);

            Assert.AreSame(first, second);
            Assert.AreEqual("21.47", Utf8.GetString(second, 0, 5));
        }

        [TestMethod]
        public static void Another_length_or_topic_gets_its_own_array_and_leaves_the_other_intact()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(4);
            byte[] on = arrays.CopyOf("n/actuator/relay/state", Utf8.GetBytes("ON"), 2);
            byte[] off = arrays.CopyOf("n/actuator/relay/state", Utf8.GetBytes("OFF"), 3);
            byte[] led = arrays.CopyOf("n/actuator/led/state", Utf8.GetBytes("ON"), 2);

            Assert.AreNotSame(on, off);
            Assert.AreNotSame(on, led);
            Assert.AreEqual("ON", Utf8.GetString(on, 0, on.Length));
            Assert.AreSame(on, arrays.CopyOf("n/actuator/relay/state", Utf8.GetBytes("ON"), 2));
        }

        [TestMethod]
        public static void A_topic_built_afresh_is_matched_by_its_text()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(4);
            string prefix = "n/sensor";
            byte[] first = arrays.CopyOf(prefix + "/t", Utf8.GetBytes("1.00"), 4);

            Assert.AreSame(first, arrays.CopyOf(prefix + "/t", Utf8.GetBytes("2.00"), 4));
        }

        [TestMethod]
        public static void When_full_the_oldest_array_is_dropped_not_overwritten()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(2);
            byte[] a = arrays.CopyOf("a", Utf8.GetBytes("1"), 1);
            arrays.CopyOf("b", Utf8.GetBytes("2"), 1);
            arrays.CopyOf("c", Utf8.GetBytes("3"), 1);

            byte[] again = arrays.CopyOf("a", Utf8.GetBytes("4"), 1);

            Assert.AreNotSame(a, again);
            Assert.AreEqual("1", Utf8.GetString(a, 0, 1), "an array the client may still hold keeps its bytes");
        }

        [TestMethod]
        public static void A_payload_over_the_kept_limit_gets_a_new_array_each_time()
        {
            RetainedPayloadArrays arrays = new RetainedPayloadArrays(4, 4);
            byte[] first = arrays.CopyOf("d", Utf8.GetBytes("12345"), 5);
            byte[] second = arrays.CopyOf("d", Utf8.GetBytes("67890"), 5);

            Assert.AreNotSame(first, second);
            Assert.AreEqual("12345", Utf8.GetString(first, 0, 5));
            Assert.AreSame(arrays.CopyOf("d", Utf8.GetBytes("1234"), 4), arrays.CopyOf("d", Utf8.GetBytes("5678"), 4));
        }
    }
}
