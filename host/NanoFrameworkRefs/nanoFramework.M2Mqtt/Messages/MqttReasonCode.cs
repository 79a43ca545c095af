// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/Messages/MqttReasonCode.cs
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttReasonCode // :12
    {
        Success = 0x00, // :15
    }
}
