namespace SensorNode.Core.Board
{
    /// <summary>The IP network under MQTT (Wi-Fi on the ESP32).</summary>
    public interface INetwork
    {
        bool IsUp { get; }

        /// <summary>Joins the network with these credentials; false (and <see cref="LastError"/>) when it cannot.</summary>
        bool Connect(string ssid, string password);

        string LastError { get; }
    }
}
