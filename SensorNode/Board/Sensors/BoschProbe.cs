using System;
using System.Device.I2c;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>
    /// Reads the chip-id register with a checked transfer. The Bmxx80 binding ignores transfer results, so a chip
    /// that fell off the bus would otherwise decode as plausible-looking garbage; this probe catches it first.
    /// </summary>
    public static class BoschProbe
    {
        /// <summary>The chip id, or 0x00 when the transfer failed.</summary>
        public static byte ReadChipId(I2cDevice device)
        {
            I2cTransferStatus status;
            return ReadChipId(device, out status);
        }

        public static byte ReadChipId(I2cDevice device, out I2cTransferStatus status)
        {
            byte[] register = { BoschChip.ChipIdRegister };
            byte[] id = new byte[1];
            status = device.WriteRead(new SpanByte(register), new SpanByte(id)).Status;
            return status == I2cTransferStatus.FullTransfer ? id[0] : (byte)0;
        }
    }
}
