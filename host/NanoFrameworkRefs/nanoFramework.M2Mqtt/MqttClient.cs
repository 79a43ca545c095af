// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.m2mqtt v5.1.220: M2Mqtt/MqttClient.cs (assembly nanoFramework.M2Mqtt)
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable // :37
    {
        public extern MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol); // :301

        public extern event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived; // :141

        public extern event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished; // :146

        public extern event IMqttClient.ConnectionClosedEventHandler ConnectionClosed; // :166

        public extern bool IsConnected { get; } // :181 (its setter is private)

        public extern MqttProtocolVersion ProtocolVersion { get; set; } // :216

        public extern MqttReasonCode Connect( // :426
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

        public extern void Disconnect(); // :569

        public extern void Dispose(); // :674

        public extern ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels); // :713

        public extern ushort Publish( // :823
            string topic,
            byte[] message,
            string contentType,
            ArrayList userProperties,
            MqttQoSLevel qosLevel,
            bool retain);
    }
}
