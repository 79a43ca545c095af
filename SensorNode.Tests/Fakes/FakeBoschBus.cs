using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A bus with chip ids at addresses 0x76 and 0x77 set by the test; opening a driver can be made to fail.</summary>
    public sealed class FakeBoschBus : IBoschBus
    {
        public byte IdAt76;
        public byte IdAt77;
        public bool SetUpFails;
        public int DriversOpened;

        /// <summary>The drivers handed out, so a test can change what each chip measures.</summary>
        public FakeBoschDriver DriverAt76;
        public FakeBoschDriver DriverAt77;

        public byte ReadChipId(int address)
        {
            return address == 0x76 ? IdAt76 : address == 0x77 ? IdAt77 : (byte)0;
        }

        public IBoschDriver OpenDriver(BoschChipKind kind, int address)
        {
            if (SetUpFails)
            {
                throw new InvalidOperationException("calibration read failed");
            }

            DriversOpened++;
            FakeBoschDriver driver = new FakeBoschDriver(ReadChipId(address), new double[BoschChip.QuantitiesOf(kind).Length], address);
            if (address == 0x76)
            {
                DriverAt76 = driver;
            }
            else
            {
                DriverAt77 = driver;
            }

            return driver;
        }
    }
}
