using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using SensorNode.CommandLine;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// "wire": bytes of all PUBLISH packets of one publish cycle for one BME280, SensorNode (captured from a real
    /// cycle) next to Tasmota's and ESPHome's shapes of the same readings. Every row shows its terms, so each
    /// number can be checked by hand against <see cref="MqttPublishPacket"/>.
    /// </summary>
    public static class WireCommand
    {
        public static Command Create()
        {
            Command command = new Command("wire", "bytes of PUBLISH packets per cycle: SensorNode vs Tasmota and ESPHome shapes");
            UnexpectedWords.Refuse(command, word => "unknown option " + word);
            command.SetAction(_ => Run());
            return command;
        }

        public static int Run()
        {
            IReadOnlyList<PublishedMessage> sensorNode = SensorNodeCycle.Capture();
            DateTime snapshotTime = new DateTime(2026, 11, 24, 20, 0, 0).AddMilliseconds(SensorNodeCycle.UptimeBeforeCaptureMs + 30_000);
            IReadOnlyList<PublishedMessage> readings = sensorNode.Where(m => !m.Topic.EndsWith("/state")).ToArray();
            IReadOnlyList<PublishedMessage> snapshot = sensorNode.Where(m => m.Topic.EndsWith("/state")).ToArray();
            var firmwares = new[]
            {
                (Name: "SensorNode", Messages: sensorNode),
                (Name: "Tasmota", Messages: (IReadOnlyList<PublishedMessage>)new[] { TasmotaShape.Sensor(BenchNode.Temperature, BenchNode.Humidity, BenchNode.Pressure, snapshotTime) }),
                (Name: "ESPHome", Messages: (IReadOnlyList<PublishedMessage>)EsphomeShape.States(BenchNode.Temperature, BenchNode.Humidity, BenchNode.Pressure)),
            };

            Console.WriteLine($"One publish cycle, one BME280 reading {BenchNode.Temperature} °C, {BenchNode.Humidity} %RH, {BenchNode.Pressure} hPa.");
            Console.WriteLine("PUBLISH = 1 (type+flags) + varint(remaining) + 2 (topic length) + topic + packet id (QoS>0: 2) + payload");
            foreach (var firmware in firmwares)
            {
                PrintMessages(firmware.Name, firmware.Messages);
            }

            Console.WriteLine();
            Console.WriteLine("| firmware | PUBLISH packets | topic bytes | payload bytes | header bytes | bytes on the wire | vs SensorNode |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            int reference = TotalBytes(sensorNode);
            var rows = firmwares.Take(1)
                .Append((Name: "SensorNode, per-quantity topics only", Messages: readings))
                .Append((Name: "SensorNode, state snapshot only", Messages: snapshot))
                .Concat(firmwares.Skip(1));
            foreach (var firmware in rows)
            {
                int topics = firmware.Messages.Sum(m => m.TopicBytes);
                int payloads = firmware.Messages.Sum(m => m.Payload.Length);
                int total = TotalBytes(firmware.Messages);
                Console.WriteLine($"| {firmware.Name} | {firmware.Messages.Count} | {topics} | {payloads} | {total - topics - payloads} | {total} | {total / (double)reference:0.00}× |");
            }

            return 0;
        }

        private static int TotalBytes(IReadOnlyList<PublishedMessage> messages) => messages.Sum(m => m.PacketBytes);

        private static void PrintMessages(string firmware, IReadOnlyList<PublishedMessage> messages)
        {
            Console.WriteLine();
            Console.WriteLine($"{firmware}:");
            foreach (PublishedMessage m in messages)
            {
                int remaining = MqttPublishPacket.RemainingLength(m.TopicBytes, m.Payload.Length, m.Qos);
                Console.WriteLine($"  {m.Topic}  QoS {(int)m.Qos}{(m.Retain ? " retained" : "")}");
                Console.WriteLine($"    payload {m.PayloadText}");
                Console.WriteLine($"    {MqttPublishPacket.FixedHeaderTypeBytes} + {MqttPublishPacket.VarintBytes(remaining)}"
                    + $" + {MqttPublishPacket.TopicLengthBytes} + {m.TopicBytes} + {MqttPublishPacket.PacketIdBytesFor(m.Qos)} + {m.Payload.Length}"
                    + $" = {m.PacketBytes} bytes");
            }

            Console.WriteLine($"  total {TotalBytes(messages)} bytes in {messages.Count} PUBLISH packet(s)");
        }
    }
}
