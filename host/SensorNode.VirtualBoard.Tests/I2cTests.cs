using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Sensors;
using SensorNode.Tests.Fakes;
using Xunit;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>The board's I2C bus through the socket protocol, as the device's I2C native uses it.</summary>
    public sealed class I2cTests
    {
        [Fact]
        public void TheBme280AnswersItsChipIdAtRegisterD0()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
        }

        [Fact]
        public void TheRealBmxx80BindingReadsTheVirtualBme280ThroughTheSocket()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            using Bme280 bme280 = new Bme280(new SocketI2cDevice(new SocketI2cBus(device, 1), 1, Bmx280Base.SecondaryI2cAddress));

            Bme280ReadResult reading = bme280.Read();

            // The chip measures DriftingAmbient: 21.5 °C ± 1.5, 45 %RH ± 6, 1013.25 hPa ± 1.8 (its cycles and wander).
            Assert.InRange(reading.Temperature.Value.DegreesCelsius, 19.5, 23.5);
            Assert.InRange(reading.Humidity.Value.Percent, 37, 53);
            Assert.InRange(reading.Pressure.Value.Hectopascals, 1010, 1016.5);
        }

        [Fact]
        public void ALogScanOneByteReadFindsExactlyTheBoschChipsPresent()
        {
            using HostedBoard board = new HostedBoard("bme280,bmp280");
            using BoardConnection device = BoardConnection.Device(board.Address);
            SocketI2cBus bus = new SocketI2cBus(device, 1);

            // I2cBus.LogScan: a one-byte read at every address from 0x08 to 0x77; nobody else may acknowledge.
            List<int> answering = Enumerable.Range(0x08, 0x77 - 0x08 + 1).Where(a => bus.Transfer(a, Array.Empty<byte>(), new byte[1]) == I2cStatus.FullTransfer).ToList();

            Assert.Equal(new[] { 0x76, 0x77 }, answering);
            Assert.Equal(I2cStatus.AddressNotAcknowledged, bus.Transfer(0x50, Array.Empty<byte>(), new byte[1]));
        }

        [Fact]
        public void TheCoresBusSearchFindsExactlyTheChipsPresentAndReadsThem()
        {
            using HostedBoard board = new HostedBoard("bme280,sht3x,scd4x,aht20");
            using BoardConnection device = BoardConnection.Device(board.Address);
            SocketI2cBus bus = new SocketI2cBus(device, 1);
            ListLog log = new ListLog();

            ISensor[] sensors = SensorFinder.Find(bus, ChipTable.All(), new SocketBindings(bus), new HostClock(), log);

            Assert.Equal(new[] { "aht20", "bme280", "scd4x", "sht3x" }, sensors.Select(s => s.Id).OrderBy(id => id));
            Assert.DoesNotContain(log.Lines.Cast<string>(), l => l.StartsWith("WARN ", StringComparison.Ordinal) || l.StartsWith("ERROR ", StringComparison.Ordinal));
            ISensor bme280 = sensors.Single(s => s.Id == "bme280");
            double[] values = new double[bme280.Quantities.Length];
            Assert.Equal(ReadOutcome.Measured, bme280.Read(values));
            Assert.InRange(values[Array.IndexOf(bme280.Quantities, Quantity.Temperature)], 19.5, 23.5);
            ISensor sht3x = sensors.Single(s => s.Id == "sht3x");
            double[] shtValues = new double[sht3x.Quantities.Length];
            Assert.Equal(ReadOutcome.Pending, sht3x.Read(shtValues)); // two-phase: started now, collected later
            Thread.Sleep(sht3x.MsUntilReady);
            Assert.Equal(ReadOutcome.Measured, sht3x.Read(shtValues));
            Assert.InRange(shtValues[Array.IndexOf(sht3x.Quantities, Quantity.Humidity)], 37, 53);
            ISensor aht20 = sensors.Single(s => s.Id == "aht20");
            double[] ahtValues = new double[aht20.Quantities.Length];
            Assert.Equal(ReadOutcome.Pending, aht20.Read(ahtValues)); // triggered; the answer is due 80 ms later
            Thread.Sleep(aht20.MsUntilReady);
            Assert.Equal(ReadOutcome.Measured, aht20.Read(ahtValues));
            Assert.InRange(ahtValues[Array.IndexOf(aht20.Quantities, Quantity.Temperature)], 19.5, 23.5);
        }

        [Fact]
        public void OnlyBusOneHasChips()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            Assert.Equal("ok 4 0 -", device.Ask("i2c 2 76 d0 1"));
        }

        [Fact]
        public void AnEmptyTransactionAddressesNobodyAndSucceedsAsOnTheEsp32()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            Assert.Equal("ok 1 0 -", device.Ask("i2c 1 50 - 0"));
        }

        [Fact]
        public void ANackingChipIsStatus4UntilHealed()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            using BoardConnection test = new BoardConnection(board.Address);

            Assert.Equal("ok", test.Ask("fail bme280 nack"));
            Assert.Equal("ok 4 0 -", device.Ask("i2c 1 76 d0 1"));
            Assert.Equal("ok", test.Ask("heal bme280"));
            Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
            Assert.Contains("bme280 fails: Nack", board.Lines);
        }

        [Fact]
        public void AChipIsNamedAsTheNodePublishesIt()
        {
            const string name = "sht3x";
            using HostedBoard board = new HostedBoard("bme280,sht3x");
            using BoardConnection device = BoardConnection.Device(board.Address);
            using BoardConnection test = new BoardConnection(board.Address);

            Assert.Equal("ok 1 2 -", device.Ask("i2c 1 44 f32d 0"));
            Assert.Equal("ok", test.Ask("fail " + name + " nack"));
            Assert.Equal("ok 4 0 -", device.Ask("i2c 1 44 f32d 0"));
            Assert.Equal("ok", test.Ask("heal " + name));
            Assert.Equal("ok 1 2 -", device.Ask("i2c 1 44 f32d 0"));
        }

        [Fact]
        public void AChipHoldingTheBusTimesOutAsTheEsp32DriverDoes()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            board.Board.Chips.Chip("bme280").Fault = ChipFault.BusHang;

            Stopwatch elapsed = Stopwatch.StartNew();
            string reply = device.Ask("i2c 1 76 d0 1");
            elapsed.Stop();

            Assert.Equal("ok 2 0 -", reply);
            Assert.True(elapsed.ElapsedMilliseconds >= 990, "answered after " + elapsed.ElapsedMilliseconds + " ms, not after the driver's 1 s");
            board.Board.Chips.Chip("bme280").Fault = ChipFault.None;
            Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
        }

        [Fact]
        public void AStalledBusHoldsEveryTransferUntilResumed()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            using BoardConnection test = new BoardConnection(board.Address);

            Assert.Equal("ok", test.Ask("stall i2c"));
            Assert.Equal("ok held", device.Ask("i2c 1 76 d0 1"));
            Assert.Equal("ok held", device.Ask("i2c 1 50 - 1")); // whoever is addressed: the driver is what hangs
            Assert.Equal("ok", test.Ask("resume i2c"));
            Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
        }

        [Fact]
        public void TheDevicesResetEndsAStall()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection test = new BoardConnection(board.Address);
            using (BoardConnection device = BoardConnection.Device(board.Address))
            {
                Assert.Equal("ok", test.Ask("stall i2c"));
                Assert.Equal("ok held", device.Ask("i2c 1 76 d0 1"));
            }

            // The device's connection closed (it reset, as Power.RebootDevice does): the next boot finds its chips.
            using BoardConnection rebooted = BoardConnection.Device(board.Address);
            Assert.Equal("ok 1 2 60", rebooted.Ask("i2c 1 76 d0 1"));
            Assert.Contains("i2c resumed: the device was reset", board.Lines);
        }

        /// <summary>The device's ChipBindings, on .NET: the real Bmxx80 binding on a chip reached through the socket.</summary>
        private sealed class SocketBindings : IChipBindings
        {
            private readonly SocketI2cBus _bus;

            public SocketBindings(SocketI2cBus bus)
            {
                _bus = bus;
            }

            public IChipBinding Open(ChipModel model, int address)
            {
                return model.Name == "bme280" ? new Bme280Binding(new SocketI2cDevice(_bus, 1, address)) : throw new ArgumentException("no binding for " + model.Name);
            }
        }
    }
}
