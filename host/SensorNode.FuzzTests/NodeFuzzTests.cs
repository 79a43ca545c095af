using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using CsCheck;
using SensorNode.Core.Config;
using SensorNode.Tests;
using SensorNode.Tests.Fakes;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// The whole inbound path: a node built like the unit tests' (NodeHarness and its fakes, with a dimmer) gets
    /// arbitrary payloads on its actuator and config topics, live or retained, as a broker would deliver them.
    /// Every message it publishes in answer (events, the retained config, states, discovery, diagnostics) must be
    /// valid UTF-8, and JSON where it is JSON; its config must stay valid; nothing may throw.
    /// </summary>
    public sealed class NodeFuzzTests
    {
        /// <summary>
        /// Allocation allowed per delivered message, whatever the node does in answer: a fixed part for events,
        /// log lines and the telemetry a clock step may make due (a few KB each), plus 32 bytes per payload byte
        /// (the parsers' copies, the log line quoting the error). The payloads are at most 1 KB (the config topic's
        /// limit, more is rejected unread), so this also bounds a message's garbage.
        /// </summary>
        public static long AllocationBound(int length)
        {
            return 64 * 1024 + 32L * length;
        }

        /// <summary>
        /// Allocation allowed when the message made the node reconnect (new topics or broker: a config trial, or its
        /// revert): every topic string, subscription and Home Assistant discovery message is rebuilt from the prefix
        /// and id, some 30 topics of up to the payload's length or of the base topic's (a long node id an earlier
        /// message set), each in a few copies (2 bytes a character); the announcement's pieces repeat the device block
        /// and the id once per group. Measured: 74 KB for a 150-character topic_prefix; 62 KB for a plain reconnect,
        /// about 160 KB with a 250-character node id.
        /// </summary>
        public static long ReconnectAllocationBound(int length, int baseTopicLength)
        {
            return 128 * 1024 + 512L * (length + baseTopicLength);
        }

        /// <summary>A harness is replaced after this many messages, so a config or topics changed by fuzz do not stay for the rest of the run.</summary>
        private const int MessagesPerNode = 64;

        [ThreadStatic]
        private static NodeHarness _node;

        [ThreadStatic]
        private static int _messages;

        private readonly ITestOutputHelper _output;

        public NodeFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static readonly string[] ActuatorTopics = { "/actuator/relay/set", "/actuator/led/set", "/actuator/strip/set", "/actuator/nothing/set" };

        [Fact]
        public void Node_takes_any_actuator_command()
        {
            Gen<(int Topic, byte[] Payload, bool Retained, int Ms)> gen = Gen.Select(
                Gen.Int[0, ActuatorTopics.Length - 1], Payloads.For(Payloads.ValidCommands, Payloads.CommandJson), Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))), Gen.Int[0, 3000]);
            Fuzz.Run(_output, "node-actuator", 3, gen, c => Deliver(ActuatorTopics[c.Topic], c.Payload, c.Retained, c.Ms), print: Print);
            ReportOutcomes("node-actuator");
        }

        [Fact]
        public void Node_takes_any_config()
        {
            Gen<(int Topic, byte[] Payload, bool Retained, int Ms)> gen = Gen.Select(
                Gen.Const(0), Payloads.For(Payloads.ValidConfigs, Payloads.ConfigJson), Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
                Gen.Frequency((4, Gen.Int[0, 3000]), (1, Gen.Const(ConfigController.TrialMs + 1)))); // sometimes past a trial's end
            Fuzz.Run(_output, "node-config", 2, gen, c => Deliver("/config/set", c.Payload, c.Retained, c.Ms), print: Print);
            ReportOutcomes("node-config");
        }

        /// <summary>Events the node published, by type: what the fuzz reached (printed with the figures).</summary>
        private static readonly ConcurrentDictionary<string, long> Outcomes = new ConcurrentDictionary<string, long>();

        private void ReportOutcomes(string name)
        {
            string line = "fuzz " + name + " events: " + string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => o.Key + " " + o.Value));
            _output.WriteLine(line);
            Console.WriteLine(line);
            Outcomes.Clear();
        }

        private static string Print((int Topic, byte[] Payload, bool Retained, int Ms) c)
        {
            return "topic " + c.Topic + (c.Retained ? " retained" : "") + ", then " + c.Ms + " ms; " + Fuzz.Hex(c.Payload);
        }

        private static void Deliver(string suffix, byte[] payload, bool retained, int ms)
        {
            if (_node == null || _messages++ >= MessagesPerNode)
            {
                _node = new NodeHarness { Strip = new FakeDimmer() }.Start();
                _node.Node.Poll();
                _messages = 0;
                CheckPublished(_node, payload);
            }

            NodeHarness node = _node;
            int connects = node.Link.ConnectCount;
            long allocated = Fuzz.Allocated(() =>
            {
                node.Link.Deliver(node.Base + suffix, payload, retained);
                node.Node.Poll();
                node.Advance(ms);
            });

            long bound = node.Link.ConnectCount == connects ? AllocationBound(payload.Length) : ReconnectAllocationBound(payload.Length, node.Base.Length);
            if (allocated > bound)
            {
                Fuzz.Fail("the node allocated " + allocated + " bytes for one message", payload);
            }

            string invalid = ConfigParser.Validate(node.Node.Config);
            if (invalid != null)
            {
                Fuzz.Fail("the node runs an invalid config: " + invalid, payload);
            }

            CheckPublished(node, payload);
        }

        /// <summary>Everything published since the last check: UTF-8 always; JSON on the event and config topics and wherever it starts like JSON.</summary>
        private static void CheckPublished(NodeHarness node, byte[] input)
        {
            foreach (PublishedMessage message in node.Link.Published)
            {
                byte[] bytes = message.Bytes;
                if (!Fuzz.IsUtf8(bytes))
                {
                    Fuzz.Fail("published non-UTF-8 on " + message.Topic + ": " + Fuzz.Hex(bytes), input);
                }

                bool removal = bytes.Length == 0 && message.Retain && message.Topic.EndsWith("/config") && !message.Topic.StartsWith(node.Base);
                bool json = message.Topic.EndsWith("/event") || message.Topic.EndsWith("/config") || message.Topic.EndsWith("/diag")
                    || (bytes.Length > 0 && (bytes[0] == '{' || bytes[0] == '['));
                if (json && !removal && !Fuzz.IsJson(bytes, out string why))
                {
                    Fuzz.Fail("published invalid JSON on " + message.Topic + " (" + why + "): " + Fuzz.Hex(bytes), input);
                }

                if (message.Topic.EndsWith("/event"))
                {
                    using (JsonDocument document = JsonDocument.Parse(bytes))
                    {
                        Outcomes.AddOrUpdate(document.RootElement.GetProperty("type").GetString(), 1, (_, n) => n + 1);
                    }
                }
            }

            node.Link.ClearRecorded();
        }
    }
}
