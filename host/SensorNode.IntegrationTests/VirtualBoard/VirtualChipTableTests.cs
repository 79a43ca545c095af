using System;
using System.Collections.Generic;
using System.Linq;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Sensors;
using SensorNode.Tests.Fakes;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>
    /// The host's chip table (<see cref="VirtualChips"/>) against the core's (<see cref="ChipTable"/>): one virtual chip
    /// per model, named as its sensor id, at one of its family's addresses; and each one, alone on a bus, found by the
    /// core's search as exactly its model and read by the core (its driver or its binding) as the ambient it measures.
    /// A new family is checked here without an edit.
    /// </summary>
    public class VirtualChipTableTests
    {
        public static IEnumerable<object[]> Chips => VirtualChips.Names.Select(name => new object[] { name });

        [Fact]
        public void EveryModelOfTheCoresChipTableHasOneVirtualChipNamedAsItsSensorId()
        {
            IChipFamily[] families = ChipTable.All();
            Assert.Equal(
                families.SelectMany(f => f.Models).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal),
                VirtualChips.Names.OrderBy(n => n, StringComparer.Ordinal));
            foreach (VirtualChip chip in VirtualChips.All)
            {
                IChipFamily family = families.Single(f => f.Models.Contains(chip.Model));
                Assert.Contains(chip.Address, family.Addresses);
                Assert.Equal(chip.Address, chip.Make(new FixedAmbient()).ConnectionSettings.DeviceAddress);
            }
        }

        [Theory]
        [MemberData(nameof(Chips))]
        public void TheCoreFindsTheChipAsItsModelAndReadsTheAmbient(string name)
        {
            VirtualChip chip = VirtualChips.Named(name);
            FixedAmbient ambient = new FixedAmbient(22.5, 40.0);

            // The command-level chips and the core's drivers share a manual clock, so conversions take no real time;
            // the Bosch chips are read through .NET IoT's binding, which sleeps in real time, so they keep real time.
            bool commandLevel = chip.Make(new FixedAmbient()) is VirtualCommandChip;
            FakeClock manual = new FakeClock();
            VirtualI2cBus bus = new VirtualI2cBus();
            bus.Attach(chip.Make(ambient, 1, commandLevel ? () => manual.Now / 1000.0 : null));
            IClock clock = commandLevel ? manual : new HostClock();
            ListLog log = new ListLog();

            ISensor[] sensors = SensorFinder.Find(bus, ChipTable.All(), new HostChipBindings(bus), clock, log);

            Assert.DoesNotContain(log.Lines.Cast<string>(), l => l.StartsWith("ERROR ", StringComparison.Ordinal));
            ISensor sensor = Assert.Single(sensors);
            Assert.Equal(name, sensor.Id);
            Assert.Equal(chip.Model.Quantities, sensor.Quantities);
            double[] values = new double[sensor.Quantities.Length];
            ReadOutcome outcome = sensor.Read(values);
            for (int step = 0; step < 100 && outcome != ReadOutcome.Measured && outcome != ReadOutcome.Failed; step++)
            {
                manual.Now += outcome == ReadOutcome.Pending ? sensor.MsUntilReady : 1000; // NotReady: an SCD4x's 5 s
                outcome = sensor.Read(values);
            }

            Assert.True(outcome == ReadOutcome.Measured, name + ": " + outcome + " " + sensor.LastError);
            Assert.Equal(22.5, values[Array.IndexOf(sensor.Quantities, Quantity.Temperature)], 0.5);
            int humidity = Array.IndexOf(sensor.Quantities, Quantity.Humidity);
            if (humidity >= 0)
            {
                Assert.Equal(40.0, values[humidity], 1.0);
            }
        }
    }
}
