using System.Reflection;

[assembly: AssemblyTitle("SensorNode")]
[assembly: AssemblyDescription("ESP32 MQTT sensor node firmware for .NET nanoFramework")]
[assembly: AssemblyProduct("SensorNode")]
[assembly: AssemblyVersion("0.1.0.0")]
