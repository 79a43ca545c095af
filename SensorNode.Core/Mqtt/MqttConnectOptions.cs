namespace SensorNode.Core.Mqtt
{
    /// <summary>Everything a link needs for one CONNECT, including the Last-Will the broker keeps for us.</summary>
    public sealed class MqttConnectOptions
    {
        public string ClientId;
        public string Host;
        public int Port = 1883;
        public bool UseTls;
        public string Username;
        public string Password;
        public int KeepAliveSeconds = 60;
        public bool CleanSession = true;

        public string WillTopic;
        public byte[] WillPayload;
        public bool WillRetain;
        public MqttQos WillQos;
    }
}
