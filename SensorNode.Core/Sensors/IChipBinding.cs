namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// A chip read through its vendor binding, implemented by the board (nanoFramework's IoT.Device bindings on the
    /// device, .NET IoT's in the simulator): one measurement, NaN for a quantity the binding marks invalid. Bindings
    /// ignore I2C transfer results, so the core checks the chip with a probe before each read.
    /// </summary>
    public interface IChipBinding
    {
        /// <summary>May throw; the guard catches.</summary>
        void Measure(double[] values);
    }
}
