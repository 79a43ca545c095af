using System;
using SensorNode.Core.Sensors;
using SensorNode.HostBoard.I2c;

namespace SensorNode.HostBoard.Sensors
{
    /// <summary>
    /// The host twin of the device's ChipBindings: .NET IoT's bindings (Iot.Device.Bindings) on the virtual bus's
    /// chips, with the device build's settings.
    /// </summary>
    public sealed class HostChipBindings : IChipBindings
    {
        private readonly VirtualI2cBus _bus;

        public HostChipBindings(VirtualI2cBus bus)
        {
            _bus = bus;
        }

        public IChipBinding Open(ChipModel model, int address)
        {
            switch (model.Name)
            {
                case "bme280": return new Bme280Binding(_bus.Device(address));
                case "bmp280": return new Bmp280Binding(_bus.Device(address));
                case "bme680": return new Bme680Binding(_bus.Device(address));
                default: throw new ArgumentException("the host board has no binding for " + model.Name);
            }
        }
    }
}
