using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>The PC's network is always up: the Wi-Fi settings of a config are accepted and not used.</summary>
    public sealed class HostNetwork : INetwork
    {
        public bool IsUp => true;

        public string LastError => null;

        public bool Connect(string ssid, string password) => true;
    }
}
