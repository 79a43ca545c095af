// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel // :9
    {
        AtMostOnce = 0x00, // :14
        AtLeastOnce = 0x01, // :19
    }
}
