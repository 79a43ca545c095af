using nanoFramework.TestFramework;
using SensorNode.Core.Connection;

namespace SensorNode.Tests.Connection
{
    [TestClass]
    public class BrokerSocketErrorTests
    {
        [TestMethod]
        public static void A_refused_connection_says_so_and_keeps_the_code()
        {
            Assert.AreEqual("connection refused: nothing listens at the broker's address and port (socket error 10061)", BrokerSocketError.Describe(10061));
        }

        [TestMethod]
        public static void A_name_that_does_not_resolve_and_a_missing_network_are_told_apart()
        {
            Assert.Contains("broker name not found", BrokerSocketError.Describe(10022));
            Assert.Contains("not joined Wi-Fi", BrokerSocketError.Describe(10050));
            Assert.Contains("timed out", BrokerSocketError.Describe(10060));
        }

        [TestMethod]
        public static void An_unknown_code_is_still_reported_with_its_number()
        {
            Assert.AreEqual("socket error connecting to the broker (socket error 10048)", BrokerSocketError.Describe(10048));
        }
    }
}
