// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: nanoFramework.M2Mqtt.Core/IMqttClient.cs (assembly nanoFramework.M2Mqtt.Core)
// Declares the members MqttClient implements that the board calls, and the delegate types of its events.
using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient // :17
    {
        bool IsConnected { get; } // :22

        MqttReasonCode Connect( // :49
            string clientId,
            string username,
            string password,
            bool willRetain,
            MqttQoSLevel willQosLevel,
            bool willFlag,
            string willTopic,
            string willMessage,
            bool cleanSession,
            ushort keepAlivePeriod);

        void Disconnect(); // :64

        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels); // :72

        ushort Publish( // :93
            string topic,
            byte[] message,
            string contentType,
            ArrayList userProperties,
            MqttQoSLevel qosLevel,
            bool retain);

        delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e); // :132

        event MqttMsgPublishEventHandler MqttMsgPublishReceived; // :137

        delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e); // :142

        event MqttMsgPublishedEventHandler MqttMsgPublished; // :147

        delegate void ConnectionClosedEventHandler(object sender, EventArgs e); // :172

        event ConnectionClosedEventHandler ConnectionClosed; // :177
    }
}
