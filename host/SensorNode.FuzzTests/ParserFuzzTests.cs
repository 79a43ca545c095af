using System;
using System.Text;
using System.Text.Json;
using CsCheck;
using SensorNode.Core.Actuators;
using SensorNode.Core.Config;
using SensorNode.Core.Text;
using Xunit;
using Xunit.Abstractions;
using JsonValueKind = SensorNode.Core.Text.JsonValueKind;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// The parsers of the portable core, called directly with any bytes (the node itself rejects what is not UTF-8
    /// before a parser sees it; here they get that too). No exception may escape, what they accept must make sense,
    /// text they return must publish as valid JSON, and allocation stays linear in the payload.
    /// </summary>
    public sealed class ParserFuzzTests
    {
        /// <summary>
        /// Allocation allowed per case: a fixed part (error texts, small objects) plus 16 bytes per payload byte.
        /// The parsers copy the payload at most a few times as UTF-16 (2 bytes a character): a key or value string,
        /// the reader's escape buffer, an error text quoting the key or the command. A copy per member of the rest
        /// of the payload (quadratic) breaks this on the longer payloads the generators make.
        /// </summary>
        public static long AllocationBound(int length)
        {
            return 4096 + 16L * length;
        }

        private readonly ITestOutputHelper _output;

        public ParserFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static readonly Gen<byte[]> Utf8Input = Gen.Frequency(
            (3, Payloads.RandomBytes),
            (3, Payloads.Mutated(new[] { Encoding.UTF8.GetBytes("aé€😀\u2028z"), new byte[0], Encoding.UTF8.GetBytes("plain ascii") })),
            (2, Gen.String[0, 60].Select(s => Encoding.UTF8.GetBytes(s))));

        [Fact]
        public void Utf8_decoder_and_validator_agree_with_dotnet()
        {
            Fuzz.Run(_output, "utf8-bytes", 2, Utf8Input, bytes =>
            {
                int invalid = 0;
                string text = null;
                long allocated = Fuzz.Allocated(() =>
                {
                    invalid = Utf8.FirstInvalidByte(bytes, 0, bytes.Length);
                    text = Utf8.GetString(bytes, 0, bytes.Length);
                });

                bool valid = Fuzz.IsUtf8(bytes);
                if (valid != (invalid < 0))
                {
                    Fuzz.Fail("FirstInvalidByte " + invalid + " but .NET says valid=" + valid, bytes);
                }

                if (!valid)
                {
                    // The prefix before the reported byte is well-formed, and the byte starts no well-formed sequence.
                    System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, false);
                    if (read != invalid)
                    {
                        Fuzz.Fail("FirstInvalidByte " + invalid + " but .NET stops at " + read + " (" + status + ")", bytes);
                    }
                }
                else if (text != Encoding.UTF8.GetString(bytes))
                {
                    Fuzz.Fail("GetString differs from .NET", bytes);
                }

                // Whatever came in, the string is well-formed UTF-16 (no lone surrogate) and encodes back as valid UTF-8.
                byte[] again = Encoding.UTF8.GetBytes(text);
                if (!Fuzz.IsUtf8(again) || Utf8.ByteCount(text) != again.Length || !Utf8.GetBytes(text).AsSpan().SequenceEqual(again))
                {
                    Fuzz.Fail("decoded text does not round-trip", bytes);
                }

                for (int i = 0; i < text.Length; i++)
                {
                    if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
                    {
                        Fuzz.Fail("lone surrogate in decoded text", bytes);
                    }
                }

                if (allocated > 64 + 4L * bytes.Length + 64)
                {
                    Fuzz.Fail("decoding allocated " + allocated + " bytes", bytes);
                }
            });
        }

        [Fact]
        public void Utf8_encoder_agrees_with_dotnet_on_any_utf16()
        {
            Gen<string> anyText = Gen.Frequency((1, Gen.String[0, 50]), (1, Gen.Char.Array[0, 50].Select(c => new string(c))), (1, Gen.Char[(char)0xD7F0, (char)0xE010].Array[0, 12].Select(c => new string(c))));
            Fuzz.Run(_output, "utf8-strings", 1, anyText, text =>
            {
                byte[] expected = Encoding.UTF8.GetBytes(text); // .NET writes EF BF BD for a lone surrogate, as the core does
                byte[] actual = Utf8.GetBytes(text);
                if (!actual.AsSpan().SequenceEqual(expected) || Utf8.ByteCount(text) != expected.Length)
                {
                    throw new Exception("encoding differs from .NET for " + Check.Print(text));
                }

                PayloadBuilder json = new PayloadBuilder(text.Length * 6 + 2);
                json.AppendJsonString(text);
                byte[] literal = json.ToArray();
                if (!Fuzz.IsJson(literal, out string why) || JsonDocument.Parse(literal).RootElement.GetString() != Encoding.UTF8.GetString(expected))
                {
                    throw new Exception("AppendJsonString gives no valid JSON string (" + why + ") for " + Check.Print(text));
                }
            });
        }

        [Fact]
        public void Json_reader_never_throws_and_reads_what_System_Text_Json_reads()
        {
            byte[][] seeds = Concat(Payloads.ValidCommands, Payloads.ValidConfigs);
            Fuzz.Run(_output, "json-reader", 3, Payloads.For(seeds, Gen.OneOf(Payloads.CommandJson, Payloads.ConfigJson)), bytes =>
            {
                JsonObjectReader reader = new JsonObjectReader(bytes, bytes.Length);
                var members = new System.Collections.Generic.List<(string Key, JsonValueKind Kind, string Text, double Number, bool Flag)>();
                long allocated = Fuzz.Allocated(() =>
                {
                    while (reader.MoveNext())
                    {
                        members.Add((reader.Key, reader.Kind, reader.StringValue, reader.NumberValue, reader.BooleanValue));
                    }
                });

                if (allocated > AllocationBound(bytes.Length) + 64L * members.Count)
                {
                    Fuzz.Fail("the reader allocated " + allocated + " bytes", bytes);
                }

                CheckAgainstSystemTextJson(bytes, reader, members);
            });
        }

        private static void CheckAgainstSystemTextJson(byte[] bytes, JsonObjectReader reader, System.Collections.Generic.List<(string Key, JsonValueKind Kind, string Text, double Number, bool Flag)> members)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException)
            {
                return; // not JSON: the reader may reject it or (leniently) read it, but must not throw
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    if (reader.Error == null)
                    {
                        Fuzz.Fail("the reader took a JSON " + root.ValueKind + " for an object", bytes);
                    }

                    return;
                }

                int index = 0;
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    System.Text.Json.JsonValueKind kind = property.Value.ValueKind;
                    if (kind == System.Text.Json.JsonValueKind.Object || kind == System.Text.Json.JsonValueKind.Array)
                    {
                        if (reader.Error == null || members.Count != index)
                        {
                            Fuzz.Fail("a nested value was not reported as an error", bytes);
                        }

                        return;
                    }

                    if (index >= members.Count)
                    {
                        Fuzz.Fail("the reader stopped at member " + index + " of valid JSON: " + reader.Error, bytes);
                    }

                    var member = members[index++];
                    if (!SameText(() => property.Name, member.Key))
                    {
                        Fuzz.Fail("key " + Check.Print(member.Key) + " differs from " + Check.Print(property.Name), bytes);
                    }

                    switch (kind)
                    {
                        case System.Text.Json.JsonValueKind.String:
                            if (member.Kind != JsonValueKind.String || !SameText(() => property.Value.GetString(), member.Text))
                            {
                                Fuzz.Fail("string value of " + property.Name + " differs", bytes);
                            }

                            break;
                        case System.Text.Json.JsonValueKind.Number:
                            if (member.Kind != JsonValueKind.Number)
                            {
                                Fuzz.Fail("number of " + property.Name + " read as " + member.Kind, bytes);
                            }

                            double expected = double.Parse(property.Value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
                            if (!CloseEnough(expected, member.Number))
                            {
                                Fuzz.Fail("number " + property.Value.GetRawText() + " read as " + member.Number.ToString("R"), bytes);
                            }

                            break;
                        case System.Text.Json.JsonValueKind.True:
                        case System.Text.Json.JsonValueKind.False:
                            if (member.Kind != JsonValueKind.Boolean || member.Flag != (kind == System.Text.Json.JsonValueKind.True))
                            {
                                Fuzz.Fail("boolean of " + property.Name + " differs", bytes);
                            }

                            break;
                        default:
                            if (member.Kind != JsonValueKind.Null)
                            {
                                Fuzz.Fail("null of " + property.Name + " read as " + member.Kind, bytes);
                            }

                            break;
                    }
                }

                if (reader.Error != null || index != members.Count)
                {
                    Fuzz.Fail("valid JSON rejected: " + reader.Error, bytes);
                }
            }
        }

        /// <summary>
        /// The reader keeps a lone surrogate escape (\ud800) as that UTF-16 unit; System.Text.Json's GetString
        /// refuses such text. Both are then compared as the UTF-8 they publish as (U+FFFD for the surrogate).
        /// </summary>
        private static bool SameText(Func<string> expected, string actual)
        {
            string text;
            try
            {
                text = expected();
            }
            catch (InvalidOperationException)
            {
                return actual != null; // invalid UTF-16 in the JSON text: System.Text.Json will not say what it is
            }

            return text == actual;
        }

        /// <summary>The reader sums digits in doubles: not correctly rounded, but within a few units in the last place.</summary>
        private static bool CloseEnough(double expected, double actual)
        {
            if (double.IsInfinity(expected) || double.IsInfinity(actual))
            {
                return true; // beyond double's range: the consumers reject anything out of their own small ranges
            }

            double tolerance = Math.Max(Math.Abs(expected), 1e-300) * 1e-9;
            return Math.Abs(expected - actual) <= tolerance || Math.Abs(expected) < 1e-300;
        }

        [Fact]
        public void Actuator_command_parser_never_throws_and_accepts_only_sane_commands()
        {
            long accepted = 0;
            Fuzz.Run(_output, "actuator-parser", 2, Payloads.For(Payloads.ValidCommands, Payloads.CommandJson), bytes =>
            {
                ActuatorCommand parsed = new ActuatorCommand();
                string error = null;
                long allocated = Fuzz.Allocated(() => error = ActuatorCommandParser.TryParse(bytes, bytes.Length, parsed));
                if (allocated > AllocationBound(bytes.Length))
                {
                    Fuzz.Fail("the parser allocated " + allocated + " bytes", bytes);
                }

                if (error == null)
                {
                    System.Threading.Interlocked.Increment(ref accepted);
                    if (parsed.Level < 0 || parsed.Level > 100 || parsed.ForMs < 0 || parsed.ForMs > ActuatorCommandParser.MaxPulseMs)
                    {
                        Fuzz.Fail("accepted out of range: level " + parsed.Level + ", for_ms " + parsed.ForMs, bytes);
                    }
                }
                else
                {
                    PublishesAsJson(error, bytes);
                }
            });
            _output.WriteLine("actuator-parser accepted " + accepted);
            Console.WriteLine("fuzz actuator-parser: accepted " + accepted);
        }

        [Fact]
        public void Config_parser_never_throws_and_what_it_accepts_round_trips()
        {
            NodeConfig current = new NodeConfig("node1");
            long accepted = 0;
            Fuzz.Run(_output, "config-parser", 3, Payloads.For(Payloads.ValidConfigs, Payloads.ConfigJson), bytes =>
            {
                NodeConfig merged = null;
                string error = null;
                long allocated = Fuzz.Allocated(() => error = ConfigParser.TryMerge(current, bytes, bytes.Length, out merged));
                if (allocated > AllocationBound(bytes.Length) + 8192) // + the merged copy of the config
                {
                    Fuzz.Fail("the parser allocated " + allocated + " bytes", bytes);
                }

                if (error != null)
                {
                    PublishesAsJson(error, bytes);
                    return;
                }

                System.Threading.Interlocked.Increment(ref accepted);
                string invalid = ConfigParser.Validate(merged);
                if (invalid != null)
                {
                    Fuzz.Fail("accepted a config that does not validate: " + invalid, bytes);
                }

                for (int i = 0; i < merged.Deadbands.Length; i++)
                {
                    if (!(merged.Deadbands[i] >= 0 && merged.Deadbands[i] <= 1000000))
                    {
                        Fuzz.Fail("accepted deadband " + merged.Deadbands[i], bytes);
                    }
                }

                // What the node stores and publishes is JSON, and the stored form reads back as the same config.
                foreach (bool masked in new[] { false, true })
                {
                    PayloadBuilder written = new PayloadBuilder(8192);
                    ConfigWriter.Write(merged, written, masked);
                    if (!Fuzz.IsJson(written.ToArray(), out string why))
                    {
                        Fuzz.Fail("the written config is not JSON (" + why + "): " + written, bytes);
                    }

                    if (!masked && ConfigStore.Fits(merged))
                    {
                        string again = ConfigParser.TryMergeStored(new NodeConfig("other"), written.Buffer, written.Length, out NodeConfig reread);
                        PayloadBuilder rewritten = new PayloadBuilder(8192);
                        if (again == null)
                        {
                            ConfigWriter.Write(reread, rewritten, false);
                        }

                        if (again != null || rewritten.ToString() != written.ToString())
                        {
                            Fuzz.Fail("the stored form does not read back (" + again + "): " + written + " / " + rewritten, bytes);
                        }
                    }
                }
            });
            _output.WriteLine("config-parser accepted " + accepted);
            Console.WriteLine("fuzz config-parser: accepted " + accepted);
        }

        /// <summary>
        /// Found by fuzzing: after the first escape in a string, the reader made a string (and a char array) per
        /// character, some 60 bytes of garbage per payload byte; a 1 KB config made 60 KB. The device's unit tests
        /// cannot count allocations (nanoFramework's mscorlib has no counter), so this case stays here.
        /// </summary>
        [Fact]
        public void An_escaped_string_is_read_with_allocation_linear_in_its_length()
        {
            byte[] json = Encoding.UTF8.GetBytes("{\"broker_user\":\"\\n" + new string('a', 450) + new string('é', 200) + "\"}");
            NodeConfig merged = null;
            string error = null;
            ConfigParser.TryMerge(new NodeConfig("node1"), json, json.Length, out merged); // warm up (statics, JIT)
            long allocated = Fuzz.Allocated(() => error = ConfigParser.TryMerge(new NodeConfig("node1"), json, json.Length, out merged));

            Assert.Null(error);
            Assert.Equal("\n" + new string('a', 450) + new string('é', 200), merged.BrokerUsername);
            Assert.True(allocated <= AllocationBound(json.Length), allocated + " bytes allocated for " + json.Length);
        }

        /// <summary>An error text goes out in an event as a JSON string: it must make valid JSON.</summary>
        private static void PublishesAsJson(string text, byte[] input)
        {
            PayloadBuilder json = new PayloadBuilder(text.Length * 6 + 16);
            json.Append("{\"error\":").AppendJsonString(text).Append('}');
            if (!Fuzz.IsJson(json.ToArray(), out string why))
            {
                Fuzz.Fail("the error text makes invalid JSON (" + why + ")", input);
            }
        }

        private static byte[][] Concat(byte[][] a, byte[][] b)
        {
            byte[][] all = new byte[a.Length + b.Length][];
            a.CopyTo(all, 0);
            b.CopyTo(all, a.Length);
            return all;
        }
    }
}
