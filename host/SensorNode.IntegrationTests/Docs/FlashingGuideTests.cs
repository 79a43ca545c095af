using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.HostBoard.Brokers;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>
    /// docs/flashing.md shows the log as the firmware prints it. How each check works:
    /// <list type="bullet">
    /// <item>The boot log (the block starting "[info] SensorNode on "): its first lines are the board's, printed
    /// by Program.cs, I2cBus and SerialLog, which cannot run here; each is matched against the log call in the
    /// source (literals as they are, expressions as wildcards), and where an expression is a board profile field
    /// (<c>board.Name</c>, <c>_board.I2cDataGpio</c>) the doc must show that field's value in the profile Program.cs
    /// boots. Their order is the order of the calls in Program.cs. The lines after them are the core's
    /// (SensorFinder, Node, ConnectAttempt, ConnectionSupervisor): the test runs the simulator (the same core) with
    /// the profile's outputs and a BME280, on a broker of its own, and the doc must show exactly the lines it
    /// prints up to "online", with the node id of the doc, the broker address of the profile instead of the test's
    /// and any probe time. So a changed message, a new line at boot, another output in the profile or a reordered
    /// Program.cs fails it until the doc says the same.</item>
    /// <item>Every other log excerpt in the guide: each line must match a log call of the firmware that fixes at
    /// least 6 characters of text, with the level SerialLog prints for it.</item>
    /// <item>The troubleshooting table's `messages`: each part between "…" must be made of the firmware's string
    /// literals as the code joins them (a literal's end, whole literals, a literal's start), with only values such
    /// as numbers or addresses in between.</item>
    /// </list>
    /// </summary>
    public class FlashingGuideTests
    {
        private const string BootLogStart = "SensorNode on ";

        /// <summary>The broker of the settings file in section 4.1 of the guide (its JSON example).</summary>
        private const string SettingsFileBrokerHost = "192.168.1.10";

        [Fact]
        public void The_boot_log_is_the_one_the_board_and_the_core_print()
        {
            Dictionary<string, string> prefixes = SerialLogPrefixes();
            string[] doc = FlashingGuide.LogBlocks(prefixes.Values).Where(b => b[0].StartsWith(prefixes["Info"] + BootLogStart, StringComparison.Ordinal)).SingleOrDefault()
                ?? throw new Xunit.Sdk.XunitException(FlashingGuide.RelativePath + " has no single log block starting with \"" + prefixes["Info"] + BootLogStart + "\"");
            BoardProfileSource board = BoardProfileSource.OfProgram();
            FirmwareSource program = FirmwareSource.Load("SensorNode/Program.cs");

            // The board's lines, in the order Program.Main makes them.
            LogCall name = program.LogCalls().Single(c => c.Parts[0].IsLiteral && c.Parts[0].Text == BootLogStart);
            int noKeyBranch = program.IndexOfCode("keyFile == null");
            Assert.True(noKeyBranch > 0, "Program.cs: no 'keyFile == null' branch for a node without a config key");
            LogCall noKey = program.LogCalls().First(c => c.Position > noKeyBranch);
            LogCall scan = FirmwareSource.Load("SensorNode/Board/Sensors/I2cBus.cs").LogCalls().Single();
            int[] order =
            {
                name.Position,
                program.IndexOfCode("ProvisionConfigKey("),
                program.IndexOfCode(".LogScan()"),
                program.IndexOfCode("SensorFinder.Find("),
                program.IndexOfCode("OpenWebPage("),
                program.IndexOfCode("node.Start()"),
            };
            Assert.True(order.All(p => p >= 0) && order.Zip(order.Skip(1)).All(p => p.First < p.Second),
                "Program.cs no longer prints the board name, then provisions the config key, scans the bus, finds the sensors, opens the web page and starts the node, in that order; the boot log in " + FlashingGuide.RelativePath + " follows that order");

            Assert.True(doc.Length >= 4, "the boot log is too short to hold the board's three lines and the core's: " + string.Join("\n", doc));
            AssertBoardLine(doc[0], name, board, prefixes);
            AssertBoardLine(doc[1], noKey, board, prefixes);
            string found = AssertBoardLine(doc[2], scan, board, prefixes).Last();

            // The core's lines, from a run of the simulator with this board's outputs.
            string nodeId = Regex.Match(string.Join("\n", doc), @"\] node (\S+) started:").Groups[1].Value;
            Assert.False(nodeId.Length == 0, "no 'node <id> started:' line in the boot log");
            string outputs = string.Join(",", board.Outputs().Select(o => o.Dimmer ? o.Id + ":dimmer" : o.Id));
            // A profile without a broker boots in setup mode; the guide's log is then a node given the settings file of
            // its section 4.1, whose broker it shows.
            string profileHost = board.Field("FirstBootBrokerHost");
            string profileBroker = (profileHost.Length > 0 ? profileHost : SettingsFileBrokerHost) + ":" + board.Field("FirstBootBrokerPort");
            string[] core;
            using (IBroker broker = Brokers.Start(Brokers.MqttNet))
            using (SimulatorProcess node = SimulatorProcess.Start(broker, nodeId, "--chips", "bme280", "--outputs", outputs))
            {
                node.WaitForLine("online: ", NodeUnderTest.StartTimeout);
                List<string> printed = NodeLines(node.Lines, prefixes).ToList();
                int online = printed.FindIndex(l => l.StartsWith(prefixes["Info"] + "online: ", StringComparison.Ordinal));
                Assert.True(online >= 0, "the simulator printed no node line 'online: …':\n" + node.Console);
                core = printed.Take(online + 1).Select(l => l.Replace(broker.Host + ":" + broker.Port, profileBroker, StringComparison.Ordinal)).ToArray();
            }

            // The web page's line, printed by Program.cs between the sensors (the core's SensorFinder) and the node's start,
            // with port 80 and the node's own password: the doc's line where it stands must be that call's.
            LogCall webPage = program.LogCalls().Single(c => c.Parts[0].IsLiteral && c.Parts[0].Text.StartsWith("web page on port ", StringComparison.Ordinal));
            int started = Array.FindIndex(core, l => Regex.IsMatch(l, @"\] node \S+ started:"));
            Assert.True(started > 0, "the simulator printed no 'node <id> started:' line");
            string docWebLine = 3 + started < doc.Length ? doc[3 + started] : "";
            Match web = docWebLine.StartsWith(prefixes["Info"], StringComparison.Ordinal) ? webPage.Pattern.Match(docWebLine.Substring(prefixes["Info"].Length)) : Match.Empty;
            string webLine = web.Success && web.Groups[1].Value == "80" && Regex.IsMatch(web.Groups[2].Value, "^[a-z0-9]{12}$")
                ? docWebLine
                : prefixes["Info"] + "web page on port 80 of the node's address, password (12 letters and digits)";
            core = core.Take(started).Append(webLine).Concat(core.Skip(started)).ToArray();

            string[] expected = doc.Take(3).Concat(core).ToArray();
            for (int i = 0; i < Math.Max(expected.Length, doc.Length); i++)
            {
                string shown = i < doc.Length ? doc[i] : "(nothing)";
                string printed = i < expected.Length ? expected[i] : "(nothing)";
                Assert.True(
                    MaskProbeTime(shown) == MaskProbeTime(printed),
                    "line " + (i + 1) + " of the boot log in " + FlashingGuide.RelativePath + ":\n  the doc shows: " + shown + "\n  the code prints: " + printed
                    + "\nthe boot log as the code prints it (the core's lines from the simulator, its broker shown as the profile's):\n" + string.Join("\n", expected));
            }

            foreach (Match sensor in Regex.Matches(string.Join("\n", core), @"\] sensor \S+ at (0x[0-9a-f]{2})"))
            {
                Assert.Contains(" " + sensor.Groups[1].Value, " " + found);
            }
        }

        [Fact]
        public void Every_log_excerpt_in_the_guide_is_a_line_the_firmware_prints()
        {
            Dictionary<string, string> prefixes = SerialLogPrefixes();
            LogCall[] calls = FirmwareSource.All().SelectMany(f => f.LogCalls()).Where(c => c.LiteralLength >= 6).ToArray();
            string[][] blocks = FlashingGuide.LogBlocks(prefixes.Values).ToArray();
            Assert.True(blocks.Length >= 4, "expected the boot log and the excerpts of section 4.4 in " + FlashingGuide.RelativePath);

            foreach (string line in blocks.SelectMany(b => b))
            {
                string level = prefixes.Single(p => line.StartsWith(p.Value, StringComparison.Ordinal)).Key;
                string message = line.Substring(prefixes[level].Length);
                Assert.True(
                    calls.Any(c => c.Level == level && c.Pattern.IsMatch(message)),
                    "no " + level + " log call in SensorNode/ or SensorNode.Core/ prints: " + line);
            }
        }

        [Fact]
        public void Every_troubleshooting_message_is_made_of_the_firmware_s_own_words()
        {
            string[] literals = FirmwareSource.All().SelectMany(f => f.Literals).Where(l => l.Length > 0).Distinct().ToArray();
            string[] messages = FlashingGuide.TroubleshootingMessages().ToArray();
            Assert.True(messages.Length >= 10, "expected the quoted messages of the troubleshooting table, found: " + string.Join(" | ", messages));

            foreach (string message in messages)
            {
                foreach (string part in message.Split(new[] { "…", "..." }, StringSplitOptions.None))
                {
                    if (part.Trim().Length < 3)
                    {
                        continue; // "(…)" and the like: nothing to check
                    }

                    Assert.True(LiteralCover.Covers(part, literals), "\"" + part + "\" (of `" + message + "`) is not text the firmware prints: no run of its string literals makes it");
                }
            }
        }

        [Fact]
        public void The_literal_cover_accepts_joined_literals_and_values_and_refuses_changed_words()
        {
            string[] literals = { "I2C bus ", " (SDA GPIO", ", SCL GPIO", "):", " no device answered", "connect failed (", "network: ", "Wi-Fi status ", "); next try in " };

            Assert.True(LiteralCover.Covers("I2C bus 1 (SDA GPIO21, SCL GPIO22): no device answered", literals));
            Assert.True(LiteralCover.Covers("connect failed (network: Wi-Fi status 4)", literals));
            Assert.True(LiteralCover.Covers("device answe", literals)); // one piece may be any part of a literal
            Assert.False(LiteralCover.Covers("I2C bus 1 (SDA GPIO21, SCL GPIO22): nothing answered", literals));
            Assert.False(LiteralCover.Covers("connect failed (Wi-Fi status 4)", literals.Where(l => l != "connect failed (").ToArray()));
            Assert.False(LiteralCover.Covers("connect failed (network: WiFi status 4)", literals));
            Assert.False(LiteralCover.Covers("I2C bus one (SDA GPIO21", literals)); // a word is no value
            Assert.False(LiteralCover.Covers("I2C bus 1 (SDA GPIO21, SCL GPIO22): nothing answered", literals.Concat(new[] { "n", "o", "t", "h", "i", "g", " ", "a", "s", "w", "e", "r", "d" }).ToArray()));
        }

        /// <summary>Level → what SerialLog writes before the message, read from SerialLog.cs (<c>Info</c> → "[info] ").</summary>
        private static Dictionary<string, string> SerialLogPrefixes()
        {
            FirmwareSource serialLog = FirmwareSource.Load("SensorNode/Board/Esp32/SerialLog.cs");
            var prefixes = new Dictionary<string, string>();
            foreach (Match method in Regex.Matches(serialLog.Code, @"public void (Info|Warn|Error)\(string message\)\s*\{\s*Write\(""([^""]*)"",\s*message\)"))
            {
                prefixes[method.Groups[1].Value] = method.Groups[2].Value;
            }

            Assert.True(prefixes.Count == 3, "SerialLog.cs: expected Info, Warn and Error each as Write(\"<prefix>\", message)");
            return prefixes;
        }

        /// <summary>Asserts <paramref name="line"/> is what <paramref name="call"/> prints with the profile's values; returns the expressions' values.</summary>
        private static string[] AssertBoardLine(string line, LogCall call, BoardProfileSource board, Dictionary<string, string> prefixes)
        {
            string prefix = prefixes[call.Level];
            Assert.True(line.StartsWith(prefix, StringComparison.Ordinal), "expected the " + call.Level + " line of " + call + "\nin the boot log, found: " + line);
            Match match = call.Pattern.Match(line.Substring(prefix.Length));
            Assert.True(match.Success, "the boot log's line\n  " + line + "\nis not what " + call + " prints");

            LogPart[] expressions = call.Expressions.ToArray();
            string[] values = new string[expressions.Length];
            for (int i = 0; i < expressions.Length; i++)
            {
                values[i] = match.Groups[i + 1].Value;
                Match field = Regex.Match(expressions[i].Text, @"^_?board\.(\w+)$");
                if (field.Success)
                {
                    Assert.True(
                        board.Field(field.Groups[1].Value) == values[i],
                        "the boot log shows " + expressions[i].Text + " as \"" + values[i] + "\"; " + board.ProfileClass + " has \"" + board.Field(field.Groups[1].Value) + "\":\n  " + line);
                }
            }

            return values;
        }

        /// <summary>The node's own log lines of a simulator console (not its board lines), in SerialLog's form.</summary>
        private static IEnumerable<string> NodeLines(IEnumerable<string> console, Dictionary<string, string> prefixes)
        {
            // ConsoleLog: "HH:mm:ss.fff " + level padded to 5 + " " + message.
            foreach (string line in console)
            {
                Match m = Regex.Match(line, @"^\d\d:\d\d:\d\d\.\d{3} (info |warn |error) (.*)$");
                if (m.Success)
                {
                    string level = m.Groups[1].Value.Trim();
                    yield return prefixes[char.ToUpperInvariant(level[0]) + level.Substring(1)] + m.Groups[2].Value;
                }
            }
        }

        private static string MaskProbeTime(string line)
        {
            return Regex.Replace(line, @"probe back after \d+ ms$", "probe back after <n> ms");
        }
    }
}
