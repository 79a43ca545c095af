using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>An I2C bus with register- or command-level fake chips at their addresses; an empty address NACKs.</summary>
    public sealed class FakeI2cBus : II2cBus
    {
        public const string NackError = "address not acknowledged";
        private readonly ArrayList _addresses = new ArrayList();
        private readonly ArrayList _chips = new ArrayList();

        public int Transfers;

        public FakeI2cBus Attach(int address, FakeI2cChip chip)
        {
            _addresses.Add(address.ToString());
            _chips.Add(chip);
            return this;
        }

        public bool WriteRead(int address, byte[] write, byte[] read, out string error)
        {
            return Write(address, write, out error) && Read(address, read, out error);
        }

        public bool Write(int address, byte[] write, out string error)
        {
            FakeI2cChip chip = Answering(address, out error);
            if (chip != null)
            {
                chip.OnWrite(write);
            }

            return chip != null;
        }

        public bool Read(int address, byte[] read, out string error)
        {
            FakeI2cChip chip = Answering(address, out error);
            if (chip != null)
            {
                chip.OnRead(read);
            }

            return chip != null;
        }

        private FakeI2cChip Answering(int address, out string error)
        {
            Transfers++;
            int index = _addresses.IndexOf(address.ToString());
            FakeI2cChip chip = index < 0 ? null : (FakeI2cChip)_chips[index];
            error = chip == null || chip.Nack || chip.Busy ? NackError : null;
            return error == null ? chip : null;
        }
    }
}
