using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using CsCheck;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Config.Signing;
using SensorNode.Core.Text;
using SensorNode.Tests;
using Xunit;
using Xunit.Abstractions;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// The signed form of "{base}/config/set" on a node with a config key (docs/security.md): configs of any kind
    /// (valid, nearly valid, random), signed for this node with any counter, then often one byte changed, deleted or
    /// inserted. Checked against .NET's own HMAC-SHA256 and a node without a key: a message whose HMAC does not
    /// match "node id, space, the bytes after the HMAC" (one trailing newline aside) changes nothing and is
    /// rejected; one that matches with a counter from 1 to 2^53 does exactly what its JSON does on a node without
    /// a key; any other counter is rejected. Nothing throws.
    /// </summary>
    public sealed class SignedConfigFuzzTests
    {
        private static readonly byte[] Key = Encoding.ASCII.GetBytes("fuzz-key-0123456789abcdef");

        private readonly ITestOutputHelper _output;

        // What the cases reached: messages not rightly signed, rightly signed but refused, and taken (applied or tried).
        private static long _notSigned;
        private static long _refused;
        private static long _taken;

        public SignedConfigFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void A_keyed_node_does_exactly_what_a_rightly_signed_config_says_and_nothing_for_any_other()
        {
            Gen<long> counters = Gen.Frequency(
                (6, Gen.Long[1, 2_000_000_000_000]),
                (1, Gen.Const(SignedConfig.MaxCounter)),
                (1, Gen.Long[SignedConfig.MaxCounter + 1, long.MaxValue]),
                (1, Gen.Const(0L)));
            Gen<(int Kind, int At, byte With)> edits = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4096], Gen.Byte);
            Gen<(byte[] Json, long Counter, (int Kind, int At, byte With) Edit)> gen = Gen.Select(
                Payloads.For(Payloads.ValidConfigs, Payloads.ConfigJson), counters, edits);
            Fuzz.Run(_output, "signed-config", 1, gen, c => Check(c.Json, c.Counter, c.Edit), print: c => c.Counter + ", edit " + c.Edit + ": " + Fuzz.Hex(c.Json));
            string line = "fuzz signed-config outcomes: not rightly signed " + _notSigned + ", rightly signed and refused " + _refused + ", taken " + _taken;
            _output.WriteLine(line);
            Console.WriteLine(line);
            Assert.True(_taken > 0 && _notSigned > 0, line);
        }

        private static void Check(byte[] json, long counter, (int Kind, int At, byte With) edit)
        {
            byte[] sent = Edit(Sign(NodeHarness.NodeId, counter, json), edit);
            NodeHarness keyed = Started(new NodeHarness { ConfigKey = Key, Hmac = new DotnetHmacSha256() });
            string before = Written(keyed.Node.Config);
            keyed.Link.Deliver(keyed.Base + "/config/set", sent, false);
            keyed.Node.Poll();
            string type = LastEventType(keyed);

            // An empty JSON is no config: unsigned, an empty payload only clears a retained message and is ignored.
            byte[] signedJson = RightlySigned(sent, out long sentCounter);
            if (signedJson == null || sentCounter < 1 || sentCounter > SignedConfig.MaxCounter || signedJson.Length == 0)
            {
                if (type != "config_rejected" || Written(keyed.Node.Config) != before)
                {
                    Fuzz.Fail("a message not rightly signed (" + (signedJson == null ? "HMAC or form" : "counter " + sentCounter + ", " + signedJson.Length + " bytes of JSON") + ") was not rejected: " + type, sent);
                }

                Interlocked.Increment(ref _notSigned);
                return;
            }

            NodeHarness plain = Started(new NodeHarness());
            plain.Link.Deliver(plain.Base + "/config/set", signedJson, false);
            plain.Node.Poll();
            if (type != LastEventType(plain) || Written(keyed.Node.Config) != Written(plain.Node.Config))
            {
                Fuzz.Fail("signed, the node did " + type + "; unsigned without a key " + LastEventType(plain), sent);
            }

            Interlocked.Increment(ref type == "config_rejected" ? ref _refused : ref _taken);
        }

        /// <summary>What `sign` prints for <paramref name="nodeId"/>: HMAC hex of "node counter json", a space, "counter json".</summary>
        private static byte[] Sign(string nodeId, long counter, byte[] json)
        {
            byte[] signedPart = Encoding.ASCII.GetBytes(counter + " ").Concat(json).ToArray();
            byte[] hmac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(nodeId + " ").Concat(signedPart).ToArray());
            return Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac) + " ").Concat(signedPart).ToArray();
        }

        /// <summary>
        /// The JSON of <paramref name="message"/> when its HMAC is right for this node and key, by .NET's HMAC: the
        /// signed bytes are those after the HMAC and its space, without one trailing "\n" or "\r\n"; the counter is
        /// their leading digits (1 to 16 of them), then a space. Null when not.
        /// </summary>
        private static byte[] RightlySigned(byte[] message, out long counter)
        {
            counter = 0;
            int length = message.Length;
            if (length > 0 && message[length - 1] == '\n')
            {
                length -= length > 1 && message[length - 2] == '\r' ? 2 : 1;
            }

            if (length <= 65 || message[64] != ' ' || !message.Take(64).All(b => Uri.IsHexDigit((char)b)))
            {
                return null;
            }

            byte[] body = message.Skip(65).Take(length - 65).ToArray();
            byte[] expected = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(NodeHarness.NodeId + " ").Concat(body).ToArray());
            if (!Convert.FromHexString(Encoding.ASCII.GetString(message, 0, 64)).SequenceEqual(expected))
            {
                return null;
            }

            int digits = body.TakeWhile(b => b >= '0' && b <= '9').Count();
            if (digits == 0 || digits > 16 || digits >= body.Length || body[digits] != ' ')
            {
                return null;
            }

            counter = long.Parse(Encoding.ASCII.GetString(body, 0, digits));
            return body.Skip(digits + 1).ToArray();
        }

        private static byte[] Edit(byte[] message, (int Kind, int At, byte With) edit)
        {
            int at = edit.At % (message.Length + 1);
            switch (edit.Kind)
            {
                case 1: return at < message.Length ? message.Take(at).Append(edit.With).Concat(message.Skip(at + 1)).ToArray() : message;
                case 2: return at < message.Length ? message.Take(at).Concat(message.Skip(at + 1)).ToArray() : message;
                case 3: return message.Take(at).Append(edit.With).Concat(message.Skip(at)).ToArray();
                default: return message;
            }
        }

        private static NodeHarness Started(NodeHarness node)
        {
            node.Start();
            node.Node.Poll();
            node.Link.ClearRecorded();
            return node;
        }

        private static string LastEventType(NodeHarness node)
        {
            string payload = node.LastEvent();
            if (payload == null)
            {
                return null;
            }

            using (JsonDocument document = JsonDocument.Parse(payload))
            {
                return document.RootElement.GetProperty("type").GetString();
            }
        }

        private static string Written(NodeConfig config)
        {
            PayloadBuilder json = new PayloadBuilder(8192);
            ConfigWriter.Write(config, json, false);
            return Encoding.UTF8.GetString(json.ToArray());
        }

        private sealed class DotnetHmacSha256 : IHmacSha256
        {
            public byte[] Compute(byte[] key, byte[] data, int offset, int count)
            {
                return HMACSHA256.HashData(key, data.AsSpan(offset, count));
            }
        }
    }
}
