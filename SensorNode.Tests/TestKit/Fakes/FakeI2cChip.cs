namespace SensorNode.Tests.Fakes
{
    /// <summary>A chip on <see cref="FakeI2cBus"/>, answering at the level of bytes on the wire.</summary>
    public abstract class FakeI2cChip
    {
        /// <summary>The chip does not acknowledge its address (unplugged, dead supply).</summary>
        public bool Nack;

        /// <summary>The chip does not acknowledge its address for now (measuring, without clock stretching).</summary>
        public virtual bool Busy
        {
            get { return false; }
        }

        /// <summary>Bytes the master wrote in one transaction.</summary>
        public abstract void OnWrite(byte[] data);

        /// <summary>Fills a read transaction.</summary>
        public abstract void OnRead(byte[] into);
    }
}
