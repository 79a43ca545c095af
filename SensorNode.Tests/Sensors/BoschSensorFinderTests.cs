using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class BoschSensorFinderTests
    {
        private static readonly int[] BothAddresses = { 0x76, 0x77 };

        [TestMethod]
        public static void One_chip_gets_the_short_id_and_its_quantities()
        {
            FakeBoschBus bus = new FakeBoschBus();
            bus.IdAt76 = 0x60;
            ListLog log = new ListLog();

            ISensor[] sensors = BoschSensorFinder.Find(bus, BothAddresses, log);

            Assert.AreEqual(1, sensors.Length);
            Assert.AreEqual("bme280", sensors[0].Id);
            Assert.AreEqual(3, sensors[0].Quantities.Length);
            Assert.IsTrue(log.Contains("sensor bme280 at 0x76"));
            Assert.IsTrue(log.Contains("no Bosch sensor at 0x77"));
        }

        [TestMethod]
        public static void Two_chips_of_one_model_are_told_apart_by_address()
        {
            FakeBoschBus bus = new FakeBoschBus();
            bus.IdAt76 = 0x60;
            bus.IdAt77 = 0x60;

            ISensor[] sensors = BoschSensorFinder.Find(bus, BothAddresses, new ListLog());

            Assert.AreEqual(2, sensors.Length);
            Assert.AreEqual("bme280_76", sensors[0].Id);
            Assert.AreEqual("bme280_77", sensors[1].Id);
        }

        [TestMethod]
        public static void Different_models_keep_their_short_ids()
        {
            FakeBoschBus bus = new FakeBoschBus();
            bus.IdAt76 = 0x60;
            bus.IdAt77 = 0x58;

            ISensor[] sensors = BoschSensorFinder.Find(bus, BothAddresses, new ListLog());

            Assert.AreEqual("bme280", sensors[0].Id);
            Assert.AreEqual("bmp280", sensors[1].Id);
            Assert.AreEqual(2, sensors[1].Quantities.Length);
        }

        [TestMethod]
        public static void Another_chip_at_a_Bosch_address_is_not_a_sensor()
        {
            FakeBoschBus bus = new FakeBoschBus();
            bus.IdAt77 = 0x55; // a BMP180 answers 0x55 at 0x77

            Assert.AreEqual(0, BoschSensorFinder.Find(bus, BothAddresses, new ListLog()).Length);
            Assert.AreEqual(0, bus.DriversOpened);
        }

        [TestMethod]
        public static void A_chip_that_fails_to_set_up_is_logged_and_left_out()
        {
            FakeBoschBus bus = new FakeBoschBus();
            bus.IdAt76 = 0x60;
            bus.SetUpFails = true;
            ListLog log = new ListLog();

            ISensor[] sensors = BoschSensorFinder.Find(bus, BothAddresses, log);

            Assert.AreEqual(0, sensors.Length);
            Assert.IsTrue(log.Contains("ERROR sensor bme280 at 0x76 could not be set up: calibration read failed"));
        }
    }
}
