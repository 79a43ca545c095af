using SensorNode.Core.Sensors.Aosong;
using SensorNode.Core.Sensors.Bosch;
using SensorNode.Core.Sensors.Sensirion;

namespace SensorNode.Core.Sensors
{
    /// <summary>Every chip family the node finds by scanning the bus. A new family is one line here.</summary>
    public static class ChipTable
    {
        public static IChipFamily[] All()
        {
            return new IChipFamily[]
            {
                new BoschFamily(),
                new Sht3xFamily(),
                new Scd4xFamily(),
                new Aht20Family(),
            };
        }
    }
}
