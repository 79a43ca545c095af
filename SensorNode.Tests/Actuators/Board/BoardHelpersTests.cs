using nanoFramework.TestFramework;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Board
{
    [TestClass]
    public class BoardHelpersTests
    {
        [TestMethod]
        public static void Node_id_is_the_last_three_mac_bytes_in_lower_case_hex()
        {
            Assert.AreEqual("a1b20c", NodeIdentity.FromMac(new byte[] { 0x24, 0x0A, 0xC4, 0xA1, 0xB2, 0x0C }));
            Assert.AreEqual("unknown", NodeIdentity.FromMac(new byte[0]));
            Assert.AreEqual("unknown", NodeIdentity.FromMac(null));
        }

        [DataRow(true, false, true)]
        [DataRow(false, false, false)]
        [DataRow(true, true, false)]
        [DataRow(false, true, true)]
        public static void Active_low_outputs_invert_the_pin_level(bool on, bool activeLow, bool pinHigh)
        {
            Assert.AreEqual(pinHigh, OutputPolarity.PinHigh(on, activeLow));
        }
    }
}
