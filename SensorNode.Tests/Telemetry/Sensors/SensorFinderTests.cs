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
            FakeClock clock = new FakeClock();
            FakeSht3xChip chip = new FakeSht3xChip(clock);
            FakeI2cBus bus = new FakeI2cBus().Attach(0x44, chip);
            FakeChipBindings bindings = new FakeChipBindings();
            ISensor sensor = Find(bus, bindings, clock)[0];
            double[] values = new double[2];

            Assert.IsTrue(Read(sensor, values, clock) == ReadOutcome.Measured);
            Assert.IsTrue(values[0] > 24.49 && values[0] < 24.51, "temperature " + values[0]);
            Assert.IsTrue(values[1] > 50.99 && values[1] < 51.01, "humidity " + values[1]);
            Assert.AreEqual(0, bindings.Count, "no vendor binding");

            chip.CorruptCrc = true;
            Assert.IsTrue(Read(sensor, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x44: CRC mismatch in the chip's answer", sensor.LastError);

            chip.CorruptCrc = false;
            chip.Nack = true;
            Assert.IsTrue(Read(sensor, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x44: address not acknowledged", sensor.LastError);
        }

        [TestMethod]
        public static void An_scd4x_left_measuring_by_a_previous_run_is_found_without_stopping_it()
        {
            FakeClock clock = new FakeClock();
            FakeScd4xChip chip = new FakeScd4xChip(clock);
            chip.OnWrite(new byte[] { 0x21, 0xB1 }); // start_periodic_measurement, before this boot
            FakeI2cBus bus = new FakeI2cBus().Attach(0x62, chip);

            ISensor[] sensors = Find(bus, new FakeChipBindings(), clock);

            Assert.AreEqual(1, sensors.Length);
            Assert.AreEqual("scd4x", sensors[0].Id);
            Assert.IsTrue(chip.Periodic, "not stopped: stop_periodic_measurement costs the boot 500 ms");
            clock.Now = 5000;
            double[] values = new double[3];
            sensors[0].Read(values); // the driver's start, which a measuring chip does not take
            Assert.IsTrue(Read(sensors[0], values, clock) == ReadOutcome.Measured);
            Assert.AreEqual(1, chip.StartCount);
        }

        /// <summary>One whole read as telemetry does it: each step when the sensor said it could go on.</summary>
        private static ReadOutcome Read(ISensor sensor, double[] values, FakeClock clock)
        {
            ReadOutcome outcome = sensor.Read(values);
            while (outcome == ReadOutcome.Pending)
            {
                clock.Now += sensor.MsUntilReady;
                outcome = sensor.Read(values);
            }

            return outcome;
        }

        private static ISensor[] Find(FakeI2cBus bus, FakeChipBindings bindings, FakeClock clock)
        {
            return SensorFinder.Find(bus, ChipTable.All(), bindings, clock, new ListLog());
        }
    }
}
