namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One Bosch Bmxx80 chip as its driver library sees it: a checked read of the id register and one forced
    /// measurement. Implemented by a thin adapter over the Bmxx80 binding (nanoFramework's on the device, .NET
    /// IoT's on the host); everything else about reading a Bosch chip lives in <see cref="BoschSensor"/>.
    /// </summary>
    public interface IBoschDriver
    {
        /// <summary>The bus address, for messages.</summary>
        int Address { get; }

        /// <summary>
        /// Reads the chip-id register with a transfer whose result is checked. False when the transfer failed,
        /// with <paramref name="busError"/> saying how (e.g. the address was not acknowledged).
        /// </summary>
        bool TryReadChipId(out byte chipId, out string busError);

        /// <summary>
        /// One measurement into <paramref name="values"/>, in the order of <see cref="BoschChip.QuantitiesOf"/>;
        /// NaN for a quantity the binding marks invalid. May throw: <see cref="BoschSensor"/> catches.
        /// </summary>
        void Measure(double[] values);
    }
}
