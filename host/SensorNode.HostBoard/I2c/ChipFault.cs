namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// A failure a virtual chip (<see cref="VirtualBmx280"/>, <see cref="VirtualSht3x"/>, <see cref="VirtualScd4x"/>) can be
    /// told to show, for tests and the simulator.
    /// </summary>
    public enum ChipFault
    {
        /// <summary>The chip works as the datasheet says.</summary>
        None,

        /// <summary>
        /// The chip does not acknowledge its address (unplugged, wrong address, dead supply): every transfer fails
        /// with the <see cref="System.IO.IOException"/> Linux's i2c-dev reports for a NACK (errno 121, EREMOTEIO).
        /// </summary>
        Nack,

        /// <summary>
        /// A conversion that never ends: the chip still answers on the bus, but status.measuring stays set, a forced
        /// measurement never returns the chip to sleep and the data registers keep what they held before (datasheet
        /// section 4: results reach the data registers only at the end of a conversion). Reads therefore return
        /// stale values — the reset value 0x80000/0x8000 if nothing was measured since the last reset. The Sensirion chips
        /// likewise keep answering with results that never change (see each chip's remarks).
        /// </summary>
        StuckMeasurement,

        /// <summary>
        /// The chip holds the bus (SCL or SDA low, a known failure after a brown-out or a reset mid-transfer): a transfer
        /// never completes until the fault is healed, so the main loop hangs in it. What the node's watchdog is for.
        /// </summary>
        BusHang
    }
}
