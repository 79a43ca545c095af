using SensorNode.Core.Board;
using SensorNode.Core.Sensors.Bosch;

namespace SensorNode.Benchmarks.Fakes
{
    /// <summary>A bus on which a BME280 answers its id register, for the core's id probe before each read.</summary>
    public sealed class SteadyBoschBus : II2cBus
    {
        public bool WriteRead(int address, byte[] write, byte[] read, out string error)
        {
            read[0] = BoschFamily.Bme280Id;
            error = null;
            return true;
        }

        public bool Write(int address, byte[] write, out string error)
        {
            error = null;
            return true;
        }

        public bool Read(int address, byte[] read, out string error)
        {
            error = null;
            return true;
        }
    }
}
