using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Core.Sensors.Sensirion;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class GuardedSensorTests
    {
        [TestMethod]
        public static void A_measurement_in_range_is_passed_on()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 21.5, 40.25, 1013.2 });
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);
            double[] values = new double[3];

            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured);
            Assert.AreEqual(21.5, values[0]);
            Assert.AreEqual(1013.2, values[2]);
            Assert.IsNull(sensor.LastError);
            Assert.AreEqual(3, sensor.Quantities.Length);
        }

        [TestMethod]
        public static void A_failed_measurement_is_an_error_naming_the_address()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 21.5, 40.25, 1013.2 });
            driver.FailWith = "address not acknowledged";
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);

            Assert.IsTrue(sensor.Read(new double[3]) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x76: address not acknowledged", sensor.LastError);
        }

        [TestMethod]
        public static void A_throwing_driver_becomes_an_error_and_recovery_clears_it()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 21.5, 40.25, 1013.2 });
            driver.Throws = new InvalidOperationException("bus busy");
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);

            Assert.IsTrue(sensor.Read(new double[3]) == ReadOutcome.Failed);
            Assert.AreEqual("I2C 0x76: InvalidOperationException: bus busy", sensor.LastError);

            driver.Throws = null;
            Assert.IsTrue(sensor.Read(new double[3]) == ReadOutcome.Measured);
            Assert.IsNull(sensor.LastError);
        }

        [TestMethod]
        public static void A_value_outside_the_chips_range_is_a_fault_with_the_range()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { -144.06, 0.0, 300.0 }); // all-zero registers
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);

            Assert.IsTrue(sensor.Read(new double[3]) == ReadOutcome.Failed);
            Assert.Contains("temperature -144.06 °C is outside -40..85", sensor.LastError);
        }

        [TestMethod]
        public static void Each_family_has_its_own_ranges()
        {
            double[] values = new double[2];
            GuardedSensor sht = new GuardedSensor("sht3x", Sht3xFamily.Sht3x, new FakeSensorDriver(new double[] { 120.0, 5.0 }, 0x44));
            Assert.IsTrue(sht.Read(values) == ReadOutcome.Measured, "120 °C is an SHT3x reading");

            double[] co2 = new double[3];
            GuardedSensor scd = new GuardedSensor("scd4x", Scd4xFamily.Scd4x, new FakeSensorDriver(new double[] { 65535, 20.0, 40.0 }, 0x62));
            Assert.IsTrue(scd.Read(co2) == ReadOutcome.Failed);
            Assert.Contains("co2 65535 ppm is outside 0..40000", scd.LastError);
        }

        [TestMethod]
        public static void A_read_that_measured_nothing_is_a_fault()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { double.NaN, double.NaN, double.NaN });
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);

            Assert.IsTrue(sensor.Read(new double[3]) == ReadOutcome.Failed);
            Assert.Contains("no quantity was measured", sensor.LastError);
        }

        [TestMethod]
        public static void Readings_repeated_bit_for_bit_mean_a_stuck_chip()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 21.5, 40.25, 1013.2 });
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);
            double[] values = new double[3];

            for (int read = 1; read < GuardedSensor.IdenticalReadsMeaningStuck; read++)
            {
                Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured, "read " + read + " of a still plausible chip");
            }

            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Failed);
            Assert.Contains("the last 5 readings are identical; conversions stuck", sensor.LastError);

            driver.NextValues = new double[] { 21.5, 40.25, 1013.3 };
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured, "a change in one quantity is a working chip again");
        }

        [TestMethod]
        public static void Readings_that_change_in_any_quantity_are_never_stuck()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 21.5, double.NaN, 1013.2 });
            GuardedSensor sensor = new GuardedSensor("bme280", BoschFamily.Bme280, driver);
            double[] values = new double[3];

            for (int read = 0; read < 3 * GuardedSensor.IdenticalReadsMeaningStuck; read++)
            {
                driver.NextValues[2] = 1013.2 + (read % 2) * 0.01;
                Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured, "read " + read);
            }
        }

        [TestMethod]
        public static void Nothing_new_is_neither_a_reading_nor_an_error_and_does_not_count_as_a_repeat()
        {
            FakeSensorDriver driver = new FakeSensorDriver(new double[] { 650, 22.5, 45 }, 0x62);
            GuardedSensor sensor = new GuardedSensor("scd4x", Scd4xFamily.Scd4x, driver);
            double[] values = new double[3];
            sensor.Read(values);

            driver.NotReady = true;
            for (int read = 0; read < 2 * GuardedSensor.IdenticalReadsMeaningStuck; read++)
            {
                Assert.IsTrue(sensor.Read(values) == ReadOutcome.NotReady);
            }

            Assert.IsNull(sensor.LastError);
            driver.NotReady = false;
            driver.NextValues[0] = 651;
            Assert.IsTrue(sensor.Read(values) == ReadOutcome.Measured);
        }
    }
}
