using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class SensorFinderTests
    {
        [TestMethod]
        public static void Every_family_of_the_table_is_found_by_scanning_with_its_quantities()
        {
            FakeClock clock = new FakeClock();
            FakeI2cBus bus = new FakeI2cBus()
                .Attach(0x76, new FakeBoschChip(BoschFamily.Bme280Id))
                .Attach(0x44, new FakeSht3xChip())
                .Attach(0x62, new FakeScd4xChip(clock));

            ISensor[] sensors = Find(bus, new FakeChipBindings(), clock);

            Assert.AreEqual(3, sensors.Length);
            Assert.AreEqual("bme280", sensors[0].Id);
            Assert.AreEqual("sht3x", sensors[1].Id);
            Assert.AreEqual("scd4x", sensors[2].Id);
            Assert.AreEqual("pressure", sensors[0].Quantities[2].Name);
            Assert.AreEqual("humidity", sensors[1].Quantities[1].Name);
            Assert.AreEqual("co2", sensors[2].Quantities[0].Name);
        }

        [TestMethod]
        public static void Two_chips_of_one_model_are_told_apart_by_address_others_keep_short_ids()
        {
            FakeI2cBus bus = new FakeI2cBus()
                .Attach(0x76, new FakeBoschChip(BoschFamily.Bme280Id))
                .Attach(0x77, new FakeBoschChip(BoschFamily.Bme280Id))
                .Attach(0x44, new FakeSht3xChip());

            ISensor[] sensors = Find(bus, new FakeChipBindings(), new FakeClock());

            Assert.AreEqual("bme280_76", sensors[0].Id);
            Assert.AreEqual("bme280_77", sensors[1].Id);
            Assert.AreEqual("sht3x", sensors[2].Id);
        }

        [TestMethod]
        public static void Another_chip_at_a_known_address_is_not_a_sensor()
        {
            FakeI2cBus bus = new FakeI2cBus()
                .Attach(0x77, new FakeBoschChip(0x42))
                .Attach(0x45, new FakeSht3xChip { CorruptCrc = true });

            Assert.AreEqual(0, Find(bus, new FakeChipBindings(), new FakeClock()).Length);
        }

        [TestMethod]
        public static void A_chip_that_fails_to_set_up_is_logged_and_left_out()
        {
            FakeI2cBus bus = new FakeI2cBus().Attach(0x76, new FakeBoschChip(BoschFamily.Bmp280Id));
            FakeChipBindings bindings = new FakeChipBindings();
            bindings.OpenFails = true;
            ListLog log = new ListLog();

            ISensor[] sensors = SensorFinder.Find(bus, ChipTable.All(), bindings, new FakeClock(), log);

            Assert.AreEqual(0, sensors.Length);
            Assert.IsTrue(log.Contains("sensor bmp280 at 0x76 could not be set up: calibration read failed"));
        }

        [TestMethod]
        public static void A_found_bosch_chip_is_read_through_its_binding_behind_the_id_probe()
        {
            FakeBoschChip chip = new FakeBoschChip(BoschFamily.Bme280Id);
            FakeI2cBus bus = new FakeI2cBus().Attach(0x76, chip);
            FakeChipBindings bindings = new FakeChipBindings();
            ISensor sensor = Find(bus, bindings, new FakeClock())[0];
            bindings.At(0x76).Values[0] = 21.5;
            bindings.At(0x76).Values[1] = 40.0;
            bindings.At(0x76).Values[2] = 1013.0;
            double[] values = new double[3];

            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured);
            Assert.AreEqual(21.5, values[0]);

            chip.ChipId = BoschFamily.Bmp280Id;
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x76: chip id 0x58 where 0x60 was expected", sensor.LastError);

            chip.Nack = true;
            int measured = bindings.At(0x76).Measurements;
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x76: address not acknowledged", sensor.LastError);
            Assert.AreEqual(measured, bindings.At(0x76).Measurements, "no binding read of a chip that is not there");
        }

        [TestMethod]
        public static void An_sht3x_is_read_by_the_cores_driver_with_its_crc_checked()
        {
            FakeSht3xChip chip = new FakeSht3xChip();
            FakeI2cBus bus = new FakeI2cBus().Attach(0x44, chip);
            FakeChipBindings bindings = new FakeChipBindings();
            ISensor sensor = Find(bus, bindings, new FakeClock())[0];
            double[] values = new double[2];

            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured);
            Assert.IsTrue(values[0] > 24.49 && values[0] < 24.51, "temperature " + values[0]);
            Assert.IsTrue(values[1] > 50.99 && values[1] < 51.01, "humidity " + values[1]);
            Assert.AreEqual(0, bindings.Count, "no vendor binding");

            chip.CorruptCrc = true;
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x44: CRC mismatch in the chip's answer", sensor.LastError);

            chip.CorruptCrc = false;
            chip.Nack = true;
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x44: address not acknowledged", sensor.LastError);
        }

        private static ISensor[] Find(FakeI2cBus bus, FakeChipBindings bindings, FakeClock clock)
        {
            return SensorFinder.Find(bus, ChipTable.All(), bindings, clock, new ListLog());
        }
    }
}
