using System;
using System.Collections.Generic;
using System.Text;
using CsCheck;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// The payload generators: random bytes, mutations of valid payloads, and structured valid-ish JSON objects.
    /// Everything is built from CsCheck primitives, so a failure shrinks to a small case.
    /// </summary>
    public static class Payloads
    {
        private static byte[] B(params int[] values)
        {
            byte[] bytes = new byte[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                bytes[i] = (byte)values[i];
            }

            return bytes;
        }

        private static byte[] T(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        /// <summary>What a mutation inserts: JSON structure, escapes, multi-byte UTF-8, ill-formed UTF-8, huge numbers.</summary>
        public static readonly byte[][] Tokens =
        {
            T("\""), T("\\"), T("{"), T("}"), T("["), T("]"), T(":"), T(","), T(" "), T("\t\r\n"), T("%"), T("-"), T("."), T("e"),
            T("\\\""), T("\\\\"), T("\\u"), T("\\u00"), T("\\u0000"), T("\\u001f"), T("\\n"), T("\\x"), T("\\/"),
            T("\\ud800"), T("\\uDFFF"), T("\\ud83d\\ude00"), T("\\ude00\\ud83d"), T("\\uFFFF"), T("\\uzzzz"),
            T("é"), T("€"), T("😀"), T("\u2028"), T("\u0001"), T("\u007f"), T("\0"),
            B(0xFF), B(0xFE), B(0x80), B(0xBF), B(0xC0, 0x80), B(0xC1, 0xBF), B(0xE0, 0x80, 0x80), B(0xE0, 0x9F, 0xBF),
            B(0xF0, 0x80, 0x80, 0x80), B(0xF0, 0x8F, 0xBF, 0xBF), B(0xED, 0xA0, 0x80), B(0xED, 0xBF, 0xBF), B(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
            B(0xF4, 0x90, 0x80, 0x80), B(0xF8, 0x88, 0x80, 0x80, 0x80), B(0xFC, 0x84, 0x80, 0x80, 0x80, 0x80), B(0xE2, 0x82), B(0xF0, 0x9F, 0x98),
            B(0xC3), B(0xC3, 0x22), B(0xE2, 0x5C, 0x6E), B(0xF0, 0x22, 0x7D, 0x0A),
            T("1e400"), T("-1e309"), T("1e-400"), T("99999999999999999999999999"), T("9223372036854775808"), T("9223372036854775807"),
            T("2147483648"), T("-2147483649"), T("4294967296"), T("1.7976931348623157e308"), T("4.9e-324"), T("-0"), T("0.000000000000000000001"),
            T("00"), T("01"), T("1."), T(".5"), T("+1"), T("1e"), T("1e+"), T("NaN"), T("Infinity"), T("-Infinity"), T("true"), T("false"), T("null"),
            T("tru"), T("nul"), T(new string('9', 400)), T("1e" + new string('9', 30)), T("0." + new string('0', 400) + "1"),
        };

        /// <summary>Valid commands for "/actuator/{id}/set".</summary>
        public static readonly byte[][] ValidCommands =
        {
            T("ON"), T("OFF"), T("TOGGLE"), T("on"), T(" off\n"), T("Toggle"), T("40%"), T("0%"), T("100%"),
            T("{\"state\":\"ON\"}"), T("{\"state\":\"OFF\",\"for_ms\":500}"), T("{\"state\":\"TOGGLE\",\"for_ms\":86400000}"),
            T("{\"level\":40}"), T("{\"level\":100,\"state\":\"ON\",\"for_ms\":1000}"), T("{ \"state\" : \"on\" , \"for_ms\" : 1e3 }"),
            T("{\"state\":\"\\u004fN\"}"), T("{}"),
        };

        /// <summary>Valid settings for "/config/set", and the node's own stored/published forms.</summary>
        public static readonly byte[][] ValidConfigs =
        {
            T("{\"interval_s\":10}"), T("{\"snapshot\":\"cycle\",\"heartbeat_s\":300}"), T("{\"deadband_temperature\":0.2,\"deadband_humidity\":1.5}"),
            T("{\"wifi_ssid\":\"Home Wi-Fi ☕\",\"wifi_password\":\"correct horse\"}"), T("{\"broker_host\":\"mqtt.local\",\"broker_port\":8883,\"broker_tls\":true}"),
            T("{\"node_id\":\"kitchen\",\"topic_prefix\":\"home/sensors\"}"), T("{\"broker_user\":\"u\\\"\\\\\\n\",\"broker_password\":\"***\"}"),
            T("{\"keepalive_s\":60,\"clean_session\":false,\"accept_retained_commands\":true,\"discovery\":false,\"discovery_prefix\":\"ha\"}"),
            T("{\"diag_interval_s\":600,\"config_version\":0}"),
            Written(false), Written(true), // the node's own stored and published forms
        };

        private static byte[] Written(bool masked)
        {
            SensorNode.Core.Config.NodeConfig config = new SensorNode.Core.Config.NodeConfig("node1");
            config.WifiPassword = "secret-password";
            SensorNode.Core.Text.PayloadBuilder json = new SensorNode.Core.Text.PayloadBuilder(4096);
            SensorNode.Core.Config.ConfigWriter.Write(config, json, masked);
            return json.ToArray();
        }

        /// <summary>Keys the parsers know, and some they do not.</summary>
        public static readonly string[] Keys =
        {
            "state", "level", "for_ms", "node_id", "topic_prefix", "interval_s", "wifi_ssid", "wifi_password", "broker_host", "broker_port",
            "broker_tls", "broker_user", "broker_password", "keepalive_s", "clean_session", "accept_retained_commands", "discovery",
            "discovery_prefix", "diag_interval_s", "config_version", "heartbeat_s", "snapshot", "deadband_temperature", "deadband_humidity",
            "deadband_pressure", "deadband_co2", "deadband_", "deadband_nothing", "", "x", "STATE", "state\u0000", "ключ", "😀",
        };

        /// <summary>Any bytes, mostly short.</summary>
        public static readonly Gen<byte[]> RandomBytes = Gen.Frequency(
            (3, Gen.Byte.Array[0, 64]),
            (1, Gen.Byte.Array[0, 1100]),
            (2, Gen.Byte[0x20, 0x7F].Array[0, 80]));

        /// <summary>One mutation: what (0 bit flip, 1 truncate, 2 insert a token, 3 delete a run, 4 duplicate a run, 5 replace a byte), where, which token, which bit.</summary>
        private static readonly Gen<(int Kind, int Position, int Token, int Bit)> Mutation =
            Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, Tokens.Length - 1], Gen.Int[0, 7]);

        /// <summary>1 to 8 mutations of one of <paramref name="seeds"/>.</summary>
        public static Gen<byte[]> Mutated(byte[][] seeds)
        {
            return Gen.Select(Gen.Int[0, seeds.Length - 1], Mutation.Array[1, 8], (seed, mutations) => Mutate(seeds[seed], mutations));
        }

        public static byte[] Mutate(byte[] seed, (int Kind, int Position, int Token, int Bit)[] mutations)
        {
            List<byte> bytes = new List<byte>(seed);
            foreach (var m in mutations)
            {
                int at = bytes.Count == 0 ? 0 : m.Position % (bytes.Count + 1);
                switch (m.Kind)
                {
                    case 0:
                        if (at < bytes.Count) bytes[at] ^= (byte)(1 << m.Bit);
                        break;
                    case 1:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    case 2:
                        bytes.InsertRange(at, Tokens[m.Token]);
                        break;
                    case 3:
                        bytes.RemoveRange(at, Math.Min(m.Bit + 1, bytes.Count - at));
                        break;
                    case 4:
                        int count = Math.Min(m.Bit * 3 + 1, bytes.Count - at);
                        bytes.InsertRange(at, bytes.GetRange(at, count));
                        break;
                    default:
                        if (at < bytes.Count) bytes[at] = Tokens[m.Token][0];
                        break;
                }
            }

            return bytes.ToArray();
        }

        private static readonly Gen<string> Text = Gen.Frequency(
            (4, Gen.OneOf(Gen.Const("ON"), Gen.Const("off"), Gen.Const("TOGGLE"), Gen.Const("cycle"), Gen.Const("change"), Gen.Const("***"), Gen.Const(""), Gen.Const("mqtt.local"), Gen.Const("a/b"), Gen.Const("+"), Gen.Const("#"))),
            (3, Gen.String[0, 40]),
            (2, Gen.Char.Array[0, 40].Select(chars => new string(chars))), // any UTF-16 units, lone surrogates too
            (1, Gen.Char['a', 'z'].Array[60, 300].Select(chars => new string(chars))));

        private static readonly Gen<string> Number = Gen.Frequency(
            (4, Gen.Int[-5, 200].Select(i => i.ToString())),
            (2, Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            (2, Gen.Int[0, Tokens.Length - 1].Select(i => Encoding.UTF8.GetString(Tokens[i]))),
            (2, Gen.Select(Gen.Int[0, 100000], Gen.Int[0, 999], Gen.Int[-400, 400], (a, b, e) => a + "." + b + "e" + e)),
            (1, Gen.Long.Select(l => l.ToString())));

        /// <summary>A JSON value as text: mostly well-formed (strings escaped as System.Text.Json escapes them), sometimes not.</summary>
        private static readonly Gen<string> Value = Gen.Frequency(
            (4, Text.Select(Quote)),
            (4, Number),
            (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"))),
            (1, Gen.OneOf(Gen.Const("{}"), Gen.Const("[1,2]"), Gen.Const("{\"a\":1}"), Gen.Const("[]"))),
            (1, Text.Select(t => "\"" + t + "\""))); // unescaped: quotes and controls left raw

        private static string Quote(string text)
        {
            // Lone surrogates become \uXXXX escapes, which is what a JSON encoder of UTF-16 writes.
            StringBuilder json = new StringBuilder("\"");
            foreach (char c in text)
            {
                if (c == '"' || c == '\\') json.Append('\\').Append(c);
                else if (c < 0x20 || char.IsSurrogate(c)) json.Append("\\u").Append(((int)c).ToString("x4"));
                else json.Append(c);
            }

            return json.Append('"').ToString();
        }

        /// <summary>A flat JSON object of known and unknown keys, with random white space.</summary>
        public static readonly Gen<byte[]> StructuredJson =
            Gen.Select(Gen.Frequency((6, Gen.Int[0, Keys.Length - 1].Select(i => Quote(Keys[i]))), (1, Text.Select(Quote))), Value, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n\t")))
                .Array[0, 12]
                .Select(members =>
                {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < members.Length; i++)
                    {
                        if (i > 0) json.Append(',');
                        json.Append(members[i].Item3).Append(members[i].Item1).Append(members[i].Item3).Append(':').Append(members[i].Item2);
                    }

                    return Encoding.UTF8.GetBytes(json.Append('}').ToString());
                });

        private static readonly Gen<string> Whole = Gen.Frequency((6, Gen.Int[0, 100]), (2, Gen.Int[-10, 100000]), (1, Gen.Int)).Select(i => i.ToString());

        private static readonly Gen<string> Flag = Gen.OneOf(Gen.Const("true"), Gen.Const("false"));

        /// <summary>A member that is right, or nearly: a known key with a value of its type, sometimes out of range.</summary>
        private static readonly Gen<string> CommandMember = Gen.OneOf(
            Gen.OneOf(Gen.Const("ON"), Gen.Const("off"), Gen.Const("Toggle"), Gen.Const("on "), Gen.Const("")).Select(v => "\"state\":" + Quote(v)),
            Whole.Select(v => "\"level\":" + v),
            Gen.Frequency((3, Gen.Int[1, 86400000]), (1, Gen.Int)).Select(v => "\"for_ms\":" + v));

        private static readonly Gen<string> ConfigMember = Gen.OneOf(
            Gen.Select(Gen.OneOf(Gen.Const("node_id"), Gen.Const("topic_prefix"), Gen.Const("wifi_ssid"), Gen.Const("wifi_password"), Gen.Const("broker_host"),
                Gen.Const("broker_user"), Gen.Const("broker_password"), Gen.Const("discovery_prefix"), Gen.Const("snapshot")), Text, (k, v) => "\"" + k + "\":" + Quote(v)),
            Gen.Select(Gen.OneOf(Gen.Const("interval_s"), Gen.Const("broker_port"), Gen.Const("keepalive_s"), Gen.Const("diag_interval_s"), Gen.Const("heartbeat_s"), Gen.Const("config_version")), Whole, (k, v) => "\"" + k + "\":" + v),
            Gen.Select(Gen.OneOf(Gen.Const("broker_tls"), Gen.Const("clean_session"), Gen.Const("accept_retained_commands"), Gen.Const("discovery")), Flag, (k, v) => "\"" + k + "\":" + v),
            Gen.Select(Gen.OneOf(Gen.Const("temperature"), Gen.Const("humidity"), Gen.Const("pressure"), Gen.Const("gas_resistance"), Gen.Const("co2"), Gen.Const("x")), Number, (k, v) => "\"deadband_" + k + "\":" + v));

        private static Gen<byte[]> ObjectOf(Gen<string> member)
        {
            return member.Array[0, 5].Select(members => Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}"));
        }

        public static readonly Gen<byte[]> CommandJson = ObjectOf(CommandMember);

        public static readonly Gen<byte[]> ConfigJson = ObjectOf(ConfigMember);

        /// <summary>The mix every parser gets: random bytes, mutated valid payloads, structured JSON, and structured JSON mutated.</summary>
        public static Gen<byte[]> For(byte[][] seeds, Gen<byte[]> nearlyValid)
        {
            return Gen.Frequency(
                (2, RandomBytes),
                (4, Mutated(seeds)),
                (2, StructuredJson),
                (2, Gen.Select(StructuredJson, Mutation.Array[1, 4], Mutate)),
                (3, nearlyValid),
                (1, Gen.Select(nearlyValid, Mutation.Array[1, 3], Mutate)));
        }
    }
}
