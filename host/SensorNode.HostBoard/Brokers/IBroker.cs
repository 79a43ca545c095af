using System;

namespace SensorNode.HostBoard.Brokers
{
    /// <summary>A running MQTT broker on this machine; disposing it stops it.</summary>
    public interface IBroker : IDisposable
    {
        /// <summary>What it is, for output and test names, e.g. "mosquitto 2.0.11".</summary>
        string Name { get; }

        string Host { get; }

        int Port { get; }
    }
}
