using System;
using System.Device.I2c;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// Reads the chip-id register with a checked transfer. The Bmxx80 binding ignores transfer results, so a chip
    /// that fell off the bus would otherwise decode as plausible-looking garbage; this probe catches it first.
    /// Its buffers are made once: a driver probes before every read, in the main loop's steady state.
    /// </summary>
    public sealed class BoschProbe
    {
        private readonly byte[] _register = { BoschChip.ChipIdRegister };
        private readonly byte[] _id = new byte[1];

        /// <summary>The chip id, or 0x00 when the transfer failed.</summary>
        public byte ReadChipId(I2cDevice device)
        {
            I2cTransferStatus status;
            return ReadChipId(device, out status);
        }

        /// <remarks>
        /// The transfer API takes <see cref="SpanByte"/>s and returns an <see cref="I2cTransferResult"/>, structs that
        /// nanoCLR keeps on its heap: two spans and the result per probe are the least it allows. The result is read
        /// through a parameter, not a local, which would be one more heap object per call.
        /// </remarks>
        public byte ReadChipId(I2cDevice device, out I2cTransferStatus status)
        {
            status = StatusOf(device.WriteRead(new SpanByte(_register), new SpanByte(_id)));
            return status == I2cTransferStatus.FullTransfer ? _id[0] : (byte)0;
        }

        private static I2cTransferStatus StatusOf(I2cTransferResult result)
        {
            return result.Status;
        }
    }
}
