using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class BoschChipTests
    {
        [DataRow(0x58, (int)BoschChipKind.Bmp280)]
        [DataRow(0x60, (int)BoschChipKind.Bme280)]
        [DataRow(0x61, (int)BoschChipKind.Bme680)]
        [DataRow(0x00, (int)BoschChipKind.Unknown)]
        [DataRow(0xFF, (int)BoschChipKind.Unknown)]
        public static void Chip_id_register_identifies_the_model(int chipId, int expected)
        {
            Assert.AreEqual(expected, (int)BoschChip.Identify((byte)chipId));
        }

        [DataRow((int)BoschChipKind.Bmp280)]
        [DataRow((int)BoschChipKind.Bme280)]
        [DataRow((int)BoschChipKind.Bme680)]
        public static void Each_model_is_identified_by_its_own_id(int kind)
        {
            Assert.AreEqual(kind, (int)BoschChip.Identify(BoschChip.ChipIdOf((BoschChipKind)kind)));
        }

        [TestMethod]
        public static void Each_model_measures_what_its_datasheet_says()
        {
            Assert.AreEqual(2, BoschChip.QuantitiesOf(BoschChipKind.Bmp280).Length);
            Assert.AreSame(Quantity.Humidity, BoschChip.QuantitiesOf(BoschChipKind.Bme280)[1]);
            Assert.AreSame(Quantity.GasResistance, BoschChip.QuantitiesOf(BoschChipKind.Bme680)[3]);
            Assert.AreEqual(0, BoschChip.QuantitiesOf(BoschChipKind.Unknown).Length);
        }

        [TestMethod]
        public static void Sensor_id_is_the_model_with_the_address_only_when_needed()
        {
            Assert.AreEqual("bme280", BoschChip.SensorId(BoschChipKind.Bme280, 0x76, false));
            Assert.AreEqual("bme280_77", BoschChip.SensorId(BoschChipKind.Bme280, 0x77, true));
            Assert.AreEqual("bmp280", BoschChip.SensorId(BoschChipKind.Bmp280, 0x76, false));
        }
    }
}
