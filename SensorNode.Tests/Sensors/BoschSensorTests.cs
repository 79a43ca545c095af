using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    [TestClass]
    public class BoschSensorTests
    {
        [TestMethod]
        public static void A_chip_answering_its_id_is_measured()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x60, new double[] { 21.5, 40.25, 1013.2 });
            BoschSensor sensor = new BoschSensor("bme280", BoschChipKind.Bme280, driver);
            double[] values = new double[3];

            Assert.IsTrue(sensor.TryRead(values));
            Assert.AreEqual(21.5, values[0]);
            Assert.AreEqual(1013.2, values[2]);
            Assert.IsNull(sensor.LastError);
            Assert.AreEqual(3, sensor.Quantities.Length);
        }

        [TestMethod]
        public static void A_failed_id_transfer_is_an_error_and_no_measurement()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x60, new double[] { 21.5, 40.25, 1013.2 });
            driver.BusError = "SlaveAddressNotAcknowledged";
            BoschSensor sensor = new BoschSensor("bme280", BoschChipKind.Bme280, driver);

            Assert.IsFalse(sensor.TryRead(new double[3]));
            Assert.AreEqual("I2C 0x76: SlaveAddressNotAcknowledged", sensor.LastError);
            Assert.AreEqual(0, driver.Measurements);
        }

        [TestMethod]
        public static void Another_chip_at_the_address_is_an_error()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x58, new double[] { 21.5, 1013.2 });
            BoschSensor sensor = new BoschSensor("bme280", BoschChipKind.Bme280, driver);

            Assert.IsFalse(sensor.TryRead(new double[3]));
            Assert.AreEqual("I2C 0x76: chip id 0x58 where 0x60 was expected", sensor.LastError);
            Assert.AreEqual(0, driver.Measurements);
        }

        [TestMethod]
        public static void Readings_repeated_bit_for_bit_mean_a_stuck_chip()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x60, new double[] { 21.5, 40.25, 1013.2 });
            BoschSensor sensor = new BoschSensor("bme280", BoschChipKind.Bme280, driver);
            double[] values = new double[3];

            for (int read = 1; read < BoschSensor.IdenticalReadsMeaningStuck; read++)
            {
                Assert.IsTrue(sensor.TryRead(values), "read " + read + " of a still plausible chip");
            }

            Assert.IsFalse(sensor.TryRead(values));
            Assert.AreEqual("I2C 0x76: the last 5 readings are identical; conversions stuck", sensor.LastError);

            driver.Values = new double[] { 21.5, 40.25, 1013.21 }; // one quantity moved: the chip converts again
            Assert.IsTrue(sensor.TryRead(values));
            Assert.IsNull(sensor.LastError);
        }

        [TestMethod]
        public static void Readings_that_change_in_any_quantity_are_never_stuck()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x60, new double[] { 21.5, 40.25, 1013.2 });
            BoschSensor sensor = new BoschSensor("bme280", BoschChipKind.Bme280, driver);
            double[] values = new double[3];

            for (int read = 0; read < 3 * BoschSensor.IdenticalReadsMeaningStuck; read++)
            {
                driver.Values[2] = read % 2 == 0 ? 1013.2 : 1013.21;
                Assert.IsTrue(sensor.TryRead(values), "read " + read);
            }
        }

        [TestMethod]
        public static void A_throwing_driver_becomes_an_error_and_recovery_clears_it()
        {
            FakeBoschDriver driver = new FakeBoschDriver(0x58, new double[] { 21.5, 1013.2 });
            driver.MeasureThrows = new InvalidOperationException("conversion timed out");
            BoschSensor sensor = new BoschSensor("bmp280", BoschChipKind.Bmp280, driver);

            Assert.IsFalse(sensor.TryRead(new double[2]));
            Assert.AreEqual("InvalidOperationException: conversion timed out", sensor.LastError);

            driver.MeasureThrows = null;
            Assert.IsTrue(sensor.TryRead(new double[2]));
            Assert.IsNull(sensor.LastError);
        }
    }
}
