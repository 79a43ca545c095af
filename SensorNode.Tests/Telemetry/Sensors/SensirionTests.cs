using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class SensirionTests
    {
        [TestMethod]
        public static void The_crc_is_the_datasheets()
        {
            Assert.AreEqual((byte)0x92, SensirionCrc.Of(0xBE, 0xEF)); // SHT3x and SCD4x datasheets' example
        }

        [TestMethod]
        public static void A_response_with_a_wrong_crc_is_refused()
        {
            byte[] response = new byte[6];
            SensirionWords.Put(response, 0, 0x1234);
            SensirionWords.Put(response, 1, 0xABCD);
            Assert.IsTrue(SensirionCrc.WordsValid(response, 2));
            Assert.AreEqual(0xABCD, SensirionCrc.Word(response, 1));

            response[4] ^= 0x40;
            Assert.IsFalse(SensirionCrc.WordsValid(response, 2));
        }
    }
}
