namespace SensorNode.HostBoard.I2c
{
    /// <summary>The registers of a virtual Bosch chip (<see cref="Bmx280Chip"/>, <see cref="Bme680Chip"/>), as <see cref="VirtualBoschDevice"/> reaches them.</summary>
    internal interface IBoschRegisterFile
    {
        /// <summary>True while conversions hang: the data registers keep their last values.</summary>
        bool Hung { get; set; }

        /// <summary>Finishes whatever measurement completed by <paramref name="now"/> (seconds).</summary>
        void Advance(double now);

        byte Read(byte register, double now);

        void Write(byte register, byte value, double now);
    }
}
