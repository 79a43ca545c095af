using SensorNode.Core.Board;

namespace SensorNode.HostBoard.Web
{
    /// <summary>The networks a simulated node "sees" for its setup page; the PC's own network is always up (<see cref="HostNetwork"/>).</summary>
    public sealed class SimulatedWifi : IWifiScanner
    {
        private readonly string[] _networks;

        public SimulatedWifi(params string[] networks)
        {
            _networks = networks;
        }

        public string[] VisibleNetworks() => _networks;
    }
}
