using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A chip the host talks to with commands rather than registers (Sensirion's SHT3x and SCD4x, Aosong's AHT20):
    /// the command-level base beside the register-level <see cref="VirtualBoschDevice"/>. Transfers, faults and the
    /// clock are <see cref="VirtualI2cChip"/>'s; a subclass says what a command does and what a read answers, and may
    /// stop listening while it is busy (<see cref="VirtualI2cChip.IsListening"/>).
    /// </summary>
    public abstract class VirtualCommandChip : VirtualI2cChip
    {
        protected VirtualCommandChip(int address, IAmbient ambient, Func<double> clockSeconds, int busId)
            : base(address, ambient, clockSeconds, busId)
        {
        }
    }
}
