using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    public sealed class FakeNetwork : INetwork
    {
        public string AcceptedSsid;
        public string JoinedSsid;
        public int ConnectCount;

        public bool IsUp { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Joins any SSID unless <see cref="AcceptedSsid"/> is set, then only that one.</summary>
        public bool Connect(string ssid, string password)
        {
            ConnectCount++;
            IsUp = AcceptedSsid == null || AcceptedSsid == ssid;
            JoinedSsid = IsUp ? ssid : null;
            LastError = IsUp ? null : "no network named " + ssid;
            return IsUp;
        }
    }
}
