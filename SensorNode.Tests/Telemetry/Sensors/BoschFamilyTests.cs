using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors.Bosch;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class BoschFamilyTests
    {
        [TestMethod]
        public static void The_id_register_tells_the_model()
        {
            Assert.AreEqual("bmp280", BoschFamily.ModelOf(0x58).Name);
            Assert.AreEqual("bme280", BoschFamily.ModelOf(0x60).Name);
            Assert.AreEqual("bme680", BoschFamily.ModelOf(0x61).Name);
            Assert.IsNull(BoschFamily.ModelOf(0x00));
            Assert.IsNull(BoschFamily.ModelOf(0xFF));
        }

        [TestMethod]
        public static void Each_model_measures_what_its_datasheet_says()
        {
            Assert.AreEqual(2, BoschFamily.Bmp280.Quantities.Length);
            Assert.AreSame(Quantity.Pressure, BoschFamily.Bmp280.Quantities[1]);
            Assert.AreEqual(3, BoschFamily.Bme280.Quantities.Length);
            Assert.AreSame(Quantity.GasResistance, BoschFamily.Bme680.Quantities[3]);
            Assert.AreEqual((byte)0x60, BoschFamily.ChipIdOf(BoschFamily.Bme280));
        }
    }
}
