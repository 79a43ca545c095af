// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: M2Mqtt/MqttClient.cs (declared after the class, assembly nanoFramework.M2Mqtt)
namespace nanoFramework.M2Mqtt
{
    public enum MqttProtocolVersion // :2770
    {
        Version_3_1_1 = 0x04, // :2780
    }
}
