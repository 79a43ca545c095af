using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>docs/flashing.md as the tests read it: its fenced blocks and its troubleshooting table.</summary>
    public static class FlashingGuide
    {
        public const string RelativePath = "docs/flashing.md";

        public static string Text => File.ReadAllText(Path.Combine(Built.RepoRoot, RelativePath)).Replace("\r\n", "\n");

        /// <summary>Every fenced block (also indented ones in lists), its info string and its lines, each trimmed.</summary>
        public static IEnumerable<(string Info, string[] Lines)> Blocks()
        {
            foreach (Match block in Regex.Matches(Text, @"^[ \t]*```(\w*)\n(.*?)^[ \t]*```", RegexOptions.Singleline | RegexOptions.Multiline))
            {
                string[] lines = block.Groups[2].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
                yield return (block.Groups[1].Value, lines);
            }
        }

        /// <summary>The blocks whose every line starts with one of <paramref name="prefixes"/>: the log excerpts.</summary>
        public static IEnumerable<string[]> LogBlocks(IEnumerable<string> prefixes)
        {
            return Blocks().Select(b => b.Lines).Where(lines => lines.Length > 0 && lines.All(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))));
        }

        /// <summary>The `…` snippets of the first column of the table under "## Troubleshooting".</summary>
        public static IEnumerable<string> TroubleshootingMessages()
        {
            string text = Text;
            int section = text.IndexOf("\n## Troubleshooting", StringComparison.Ordinal);
            if (section < 0)
            {
                throw new InvalidDataException(RelativePath + " has no '## Troubleshooting' section");
            }

            int end = text.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
            string body = end < 0 ? text.Substring(section) : text.Substring(section, end - section);
            string[] rows = body.Split('\n').Where(l => l.StartsWith('|')).ToArray();
            if (rows.Length < 3 || !Regex.IsMatch(rows[1], @"^\|[-| :]+\|$"))
            {
                throw new InvalidDataException(RelativePath + ": the troubleshooting section has no table");
            }

            foreach (string row in rows.Skip(2)) // the header and the |---| line
            {
                string firstCell = row.Split(" | ")[0].TrimStart('|', ' ');
                foreach (Match code in Regex.Matches(firstCell, "`([^`]+)`"))
                {
                    yield return code.Groups[1].Value;
                }
            }
        }
    }
}
