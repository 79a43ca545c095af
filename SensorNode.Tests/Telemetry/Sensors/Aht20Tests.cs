using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Aosong;
using SensorNode.Tests.Fakes;

namespace SensorNode.Tests.Sensors
{
    /// <summary>
    /// The AHT20 family: its answer's layout against vectors worked out by hand from the datasheet's formulas (the
    /// driver, the fake below and the simulator's virtual chip all use <see cref="Aht20Family"/>'s, so these vectors are
    /// what keeps them honest), its search and its two-phase driver.
    /// </summary>
    [TestClass]
    public class Aht20Tests
    {
        // Status 0x1C, humidity raw 0x6E5A2 = 452002, temperature raw 0x5E03A = 385082, CRC-8 (0x31, init 0xFF) 0x6A.
        private static readonly byte[] Vector = { 0x1C, 0x6E, 0x5A, 0x25, 0xE0, 0x3A, 0x6A };

        [TestMethod]
        public static void An_answer_decodes_as_the_datasheet_says()
        {
            Assert.AreEqual(452002, Aht20Family.HumidityRaw(Vector));
            Assert.AreEqual(385082, Aht20Family.TemperatureRaw(Vector));
            Assert.IsTrue(Near(43.10627, Aht20Family.Humidity(Vector)), "humidity " + Aht20Family.Humidity(Vector));
            Assert.IsTrue(Near(23.44856, Aht20Family.Temperature(Vector)), "temperature " + Aht20Family.Temperature(Vector));
            Assert.AreEqual((byte)0x6A, Aht20Family.Crc(Vector));
            Assert.AreEqual((byte)0x35, Aht20Family.Crc(new byte[] { 0x18, 0, 0, 0, 0, 0, 0 }));
            Assert.AreEqual((byte)0x17, Aht20Family.Crc(new byte[] { 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0 }));
        }

        [TestMethod]
        public static void Encoding_gives_the_chips_bytes_back()
        {
            byte[] answer = new byte[Aht20Family.AnswerLength];
            Aht20Family.Encode(0x1C, 385082 * 200.0 / 1048576 - 50, 452002 * 100.0 / 1048576, answer);
            for (int i = 0; i < Vector.Length; i++)
            {
                Assert.AreEqual(Vector[i], answer[i], "byte " + i);
            }

            Aht20Family.Encode(0x18, -60, 120, answer);
            Assert.AreEqual(0, Aht20Family.TemperatureRaw(answer), "clamped to 20 bits");
            Assert.AreEqual(0xFFFFF, Aht20Family.HumidityRaw(answer));
        }

        [TestMethod]
        public static void The_search_finds_an_aht20_at_0x38_and_initialises_an_uncalibrated_one()
        {
            FakeClock clock = new FakeClock();
            FakeAht20Chip chip = new FakeAht20Chip(clock) { Calibrated = false };
            ISensor[] sensors = SensorFinder.Find(new FakeI2cBus().Attach(0x38, chip), ChipTable.All(), new FakeChipBindings(), clock, new ListLog());

            Assert.AreEqual(1, sensors.Length);
            Assert.AreEqual("aht20", sensors[0].Id);
            Assert.AreEqual("temperature", sensors[0].Quantities[0].Name);
            Assert.AreEqual("humidity", sensors[0].Quantities[1].Name);
            Assert.AreEqual(1, chip.Initializations);
            Assert.AreEqual(0, chip.Triggers, "identified by its status byte alone");
        }

        [TestMethod]
        public static void Another_chip_at_0x38_is_no_aht20()
        {
            FakeClock clock = new FakeClock();
            FakeAht20Chip neverCalibrated = new FakeAht20Chip(clock) { Calibrated = false, RefusesInitialization = true };

            Assert.AreEqual(0, SensorFinder.Find(new FakeI2cBus().Attach(0x38, neverCalibrated), ChipTable.All(), new FakeChipBindings(), clock, new ListLog()).Length);
        }

        [TestMethod]
        public static void A_read_triggers_a_measurement_and_the_read_80_ms_later_collects_it()
        {
            FakeClock clock = new FakeClock();
            FakeAht20Chip chip = new FakeAht20Chip(clock);
            FakeI2cBus bus = new FakeI2cBus().Attach(0x38, chip);
            Aht20Family.Driver driver = new Aht20Family.Driver(bus, 0x38, clock);
            double[] values = new double[2];

            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "triggered, not waited for");
            Assert.AreEqual(1, chip.Triggers);
            Assert.AreEqual(Aht20Family.MeasurementMs, driver.MsUntilReady);
            int transfers = bus.Transfers;
            clock.Now += 79;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending);
            Assert.AreEqual(transfers, bus.Transfers, "the chip is left alone while it converts");

            clock.Now += 1;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Measured);
            Assert.IsTrue(Near(23.45, values[0]), "temperature " + values[0]);
            Assert.IsTrue(Near(43.1, values[1]), "humidity " + values[1]);
        }

        [TestMethod]
        public static void A_chip_still_busy_is_looked_at_again_and_one_that_hangs_is_reset()
        {
            FakeClock clock = new FakeClock();
            FakeAht20Chip chip = new FakeAht20Chip(clock) { ConversionMs = 95 };
            Aht20Family.Driver driver = new Aht20Family.Driver(new FakeI2cBus().Attach(0x38, chip), 0x38, clock);
            double[] values = new double[2];

            driver.Measure(values);
            clock.Now += 80;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Pending, "busy bit still set");
            Assert.AreEqual(Aht20Family.BusyPollMs, driver.MsUntilReady);
            clock.Now += 20;
            Assert.IsTrue(driver.Measure(values) == ReadOutcome.Measured);

            chip.Hung = true;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("still busy 240 ms after the trigger; resetting the chip", driver.Error);
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured, "reset, then measured");
            Assert.AreEqual(1, chip.Resets);
        }

        [TestMethod]
        public static void A_wrong_crc_or_a_lost_calibration_is_a_failure_and_the_chip_is_initialised_after_it()
        {
            FakeClock clock = new FakeClock();
            FakeAht20Chip chip = new FakeAht20Chip(clock) { CorruptCrc = true };
            Aht20Family.Driver driver = new Aht20Family.Driver(new FakeI2cBus().Attach(0x38, chip), 0x38, clock);
            double[] values = new double[2];

            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("CRC mismatch in the chip's answer", driver.Error);

            chip.CorruptCrc = false;
            chip.Calibrated = false;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("the chip reports itself uncalibrated (status 0x10); initialising it", driver.Error);
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Measured);
            Assert.AreEqual(1, chip.Initializations);

            chip.Nack = true;
            Assert.IsTrue(Read(driver, values, clock) == ReadOutcome.Failed);
            Assert.AreEqual("address not acknowledged", driver.Error);
        }

        private static ReadOutcome Read(ISensorDriver driver, double[] values, FakeClock clock)
        {
            ReadOutcome outcome = driver.Measure(values);
            while (outcome == ReadOutcome.Pending)
            {
                clock.Now += driver.MsUntilReady;
                outcome = driver.Measure(values);
            }

            return outcome;
        }

        private static bool Near(double expected, double actual)
        {
            return actual > expected - 0.01 && actual < expected + 0.01;
        }

        /// <summary>An AHT20 at the command level on the fake clock: status request, trigger, initialise, soft reset.</summary>
        private sealed class FakeAht20Chip : FakeI2cChip
        {
            public double Temperature = 23.45;
            public double Humidity = 43.1;
            public bool Calibrated = true;
            public bool RefusesInitialization;
            public bool Hung;
            public bool CorruptCrc;
            public int ConversionMs = 75;
            public int Triggers;
            public int Initializations;
            public int Resets;
            private readonly IClock _clock;
            private readonly byte[] _answer = new byte[Aht20Family.AnswerLength];
            private long _triggeredAtMs = -100000;

            public FakeAht20Chip(IClock clock)
            {
                _clock = clock;
            }

            public override void OnWrite(byte[] data)
            {
                if (data[0] == Aht20Family.TriggerMeasurement && data.Length == 3 && data[1] == 0x33 && data[2] == 0x00)
                {
                    Triggers++;
                    _triggeredAtMs = _clock.UptimeMs;
                }
                else if (data[0] == Aht20Family.Initialize && data.Length == 3 && data[1] == 0x08 && data[2] == 0x00)
                {
                    Initializations++;
                    Calibrated |= !RefusesInitialization;
                }
                else if (data[0] == Aht20Family.SoftReset)
                {
                    Resets++;
                    Hung = false;
                }
            }

            public override void OnRead(byte[] into)
            {
                bool busy = Hung || _clock.UptimeMs - _triggeredAtMs < ConversionMs;
                int status = 0x10 | (busy ? Aht20Family.StatusBusy : 0) | (Calibrated ? Aht20Family.StatusCalibrated : 0);
                Aht20Family.Encode((byte)status, Temperature, Humidity, _answer);
                if (CorruptCrc)
                {
                    _answer[6] ^= 0x01;
                }

                for (int i = 0; i < into.Length; i++)
                {
                    into[i] = i < _answer.Length ? _answer[i] : (byte)0xFF;
                }
            }
        }
    }
}
