using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors.Bosch
{
    /// <summary>Reads the chip-id register with a checked transfer: the chip must still answer with the id it was found with.</summary>
    public sealed class BoschIdProbe : IChipProbe
    {
        private readonly byte _expectedId;
        private readonly byte[] _register = { BoschFamily.ChipIdRegister };
        private readonly byte[] _id = new byte[1];

        public BoschIdProbe(byte expectedId)
        {
            _expectedId = expectedId;
        }

        [SteadyState]
        public string Check(II2cBus bus, int address)
        {
            string error;
            if (!bus.WriteRead(address, _register, _id, out error))
            {
                return error;
            }

            return _id[0] == _expectedId ? null : WrongChip(_id[0]);
        }

        [ColdPath("another chip answered")]
        private string WrongChip(byte id)
        {
            return "chip id 0x" + id.ToString("x2") + " where 0x" + _expectedId.ToString("x2") + " was expected";
        }
    }
}
