using System;
using System.IO;
using System.Threading.Tasks;
using Iot.Device.Scd4x;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>What the injected faults look like on the virtual SCD4x's bus and through the real binding.</summary>
    public class Scd4xFaultTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly FixedAmbient _ambient = new FixedAmbient(20.0, 50.0, co2Ppm: 700.0);

        [Fact]
        public void Nack_FailsEveryTransferWithTheLinuxDriversIOException()
        {
            VirtualScd4x chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => chip.ReadByte());
            Assert.Throws<IOException>(() => chip.WriteByte(0x21));
            Assert.Throws<IOException>(() => chip.Read(new byte[9]));
            Assert.Throws<IOException>(() => chip.Write(new byte[] { 0x21, 0xB1 }));
            IOException error = Assert.Throws<IOException>(() => chip.WriteRead(new byte[] { 0xE4, 0xB8 }, new byte[3]));
            Assert.Equal("Error 121 (Remote I/O error) performing I2C data transfer.", error.Message);
        }

        [Fact]
        public void Nack_ChangesNothing()
        {
            VirtualScd4x chip = NewChip();
            chip.Fault = ChipFault.Nack;
            Assert.Throws<IOException>(() => SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement));

            chip.Fault = ChipFault.None;
            _clock.Advance(10);

            Assert.False(DataReady(chip)); // the start never arrived
        }

        [Fact]
        public void Nack_AtStartUp_MakesTheBindingsConstructorThrow()
        {
            VirtualScd4x chip = NewChip();
            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => new Scd4x(chip)); // its stop_periodic_measurement is not acknowledged
        }

        [Fact]
        public void Nack_MakesTheBindingsReadThrow()
        {
            VirtualScd4x chip = NewChip();
            Scd4x sensor = new Scd4x(chip);

            chip.Fault = ChipFault.Nack;

            Assert.Throws<IOException>(() => sensor.ReadPeriodicMeasurement()); // its start_periodic_measurement fails
        }

        [Fact]
        public void StuckMeasurement_DataReadyIsNeverSetAgain_AndEveryReadGivesTheSameBytes()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);
            byte[] before = ReadMeasurementBytes(chip);

            chip.Fault = ChipFault.StuckMeasurement;
            _ambient.Co2Ppm = 1400.0;
            _ambient.TemperatureC = 30.0;

            for (int i = 0; i < 4; i++)
            {
                _clock.Advance(Scd4xCommands.MeasurementIntervalSeconds);
                Assert.False(DataReady(chip));
                Assert.Equal(before, ReadMeasurementBytes(chip));
            }
        }

        [Fact]
        public void StuckMeasurement_AResultFinishedBeforeTheFault_IsStillDelivered()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(5.5);

            chip.Fault = ChipFault.StuckMeasurement;

            Assert.True(DataReady(chip));
            Assert.Equal(700, ReadWords(chip)[0]);
            Assert.False(DataReady(chip));
        }

        [Fact]
        public void StuckMeasurement_WithNoResultYet_ReadsAreNotAcknowledged()
        {
            VirtualScd4x chip = NewChip();
            chip.Fault = ChipFault.StuckMeasurement;
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            _clock.Advance(30);

            Assert.False(DataReady(chip));
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            Assert.Throws<IOException>(() => chip.Read(new byte[9]));
        }

        [Fact]
        public void StuckMeasurement_Cleared_TheNextResultComesAtTheNextIntervalsEnd()
        {
            VirtualScd4x chip = NewChip();
            SensirionBus.Send(chip, Scd4xCommands.StartPeriodicMeasurement);
            chip.Fault = ChipFault.StuckMeasurement;
            _clock.Advance(12.0);

            chip.Fault = ChipFault.None;
            _ambient.Co2Ppm = 1111.0;

            Assert.False(DataReady(chip));
            _clock.Advance(2.9); // 14.9 s since the start
            Assert.False(DataReady(chip));
            _clock.Advance(0.2);
            Assert.Equal(1111, ReadWords(chip)[0]);
        }

        [Fact]
        public async Task StuckMeasurement_TheBindingGivesUpWaitingForData()
        {
            // The binding polls data-ready for up to 6 s after its 5 s wait, then throws; it never re-reads old values.
            VirtualScd4x chip = NewChip();
            Scd4x sensor = new Scd4x(chip);
            chip.Fault = ChipFault.StuckMeasurement;
            sensor.StartPeriodicMeasurements();
            _clock.Advance(60);

            Exception error = await Assert.ThrowsAsync<Exception>(() => sensor.ReadPeriodicMeasurementAsync().AsTask());

            Assert.Equal("SCD4x not responding.", error.Message);
        }

        private static bool DataReady(VirtualScd4x chip)
        {
            SensirionBus.Send(chip, Scd4xCommands.GetDataReadyStatus);
            return (SensirionBus.ReadWords(chip, 1)[0] & Scd4xCommands.DataReadyMask) != 0;
        }

        private static ushort[] ReadWords(VirtualScd4x chip)
        {
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            return SensirionBus.ReadWords(chip, 3);
        }

        private static byte[] ReadMeasurementBytes(VirtualScd4x chip)
        {
            SensirionBus.Send(chip, Scd4xCommands.ReadMeasurement);
            byte[] bytes = new byte[9];
            chip.Read(bytes);
            return bytes;
        }

        private VirtualScd4x NewChip()
        {
            return new VirtualScd4x(_ambient, _clock.Reading);
        }
    }
}
