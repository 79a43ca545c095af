// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishedEventArgs : EventArgs // :29
    {
        public extern MqttMsgPublishedEventArgs(ushort messageId, bool isPublished); // :54 (declared so C# adds no parameterless constructor)

        public extern ushort MessageId { get; set; } // :34

        public extern bool IsPublished { get; set; } // :39
    }
}
