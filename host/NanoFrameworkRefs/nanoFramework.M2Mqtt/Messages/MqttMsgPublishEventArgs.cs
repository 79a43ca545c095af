// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishEventArgs : EventArgs // :25
    {
        public extern MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain); // :60 (declared so C# adds no parameterless constructor)

        public extern string Topic { get; } // :30 (its setter is internal)

        public extern byte[] Message { get; } // :35 (its setter is internal)

        public extern bool DupFlag { get; } // :40 (its setter is internal)

        public extern bool Retain { get; } // :50 (its setter is internal)
    }
}
