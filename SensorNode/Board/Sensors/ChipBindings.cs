using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Board.Sensors
{
    /// <summary>The vendor bindings of the chips the core's search found, on the bus's devices.</summary>
    public sealed class ChipBindings : IChipBindings
    {
        private readonly I2cBus _bus;

        public ChipBindings(I2cBus bus)
        {
            _bus = bus;
        }

        public IChipBinding Open(ChipModel model, int address)
        {
            switch (model.Name)
            {
                case "bme280": return new Bme280Binding(_bus.Open(address));
                case "bmp280": return new Bmp280Binding(_bus.Open(address));
                case "bme680": return new Bme680Binding(_bus.Open(address));
                default: throw new ArgumentException("no binding for " + model.Name);
            }
        }
    }
}
