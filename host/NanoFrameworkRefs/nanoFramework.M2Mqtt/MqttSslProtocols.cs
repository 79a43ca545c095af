// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs (members in order from 0, no initializers)
namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols // :23
    {
        None = 0, // :28
        TLSv1_2 = 4, // :48 (after SSLv3, TLSv1_0, TLSv1_1)
    }
}
