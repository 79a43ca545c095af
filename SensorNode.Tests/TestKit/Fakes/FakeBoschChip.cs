namespace SensorNode.Tests.Fakes
{
    /// <summary>A Bosch Bmxx80 as far as the chip search and the id probe see it: register 0xD0 holds its id.</summary>
    public sealed class FakeBoschChip : FakeI2cChip
    {
        public byte ChipId;
        private byte _register;

        public FakeBoschChip(byte chipId)
        {
            ChipId = chipId;
        }

        public override void OnWrite(byte[] data)
        {
            _register = data[0];
        }

        public override void OnRead(byte[] into)
        {
            into[0] = _register == 0xD0 ? ChipId : (byte)0;
        }
    }
}
