using System;
using System.Collections.Generic;
using System.Linq;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>
    /// Whether a quoted piece of a message can be text the firmware prints, given its string literals: the firmware
    /// builds messages as literal + value + literal…, so the piece must be a run of literals, each whole, except
    /// that the first may start inside a literal (the quote began mid-message) and the last may end inside one;
    /// between two literals there may be a value (a number, an address: digits, hex, '.', ':', '-'). A changed or
    /// invented word is in no literal, so it cannot be covered. A piece of one or two characters counts only when it
    /// is punctuation ("):", ".."), else the firmware's short literals would spell anything.
    /// </summary>
    public static class LiteralCover
    {
        public static bool Covers(string text, IReadOnlyCollection<string> literals)
        {
            int n = text.Length;
            // States: position, and whether the run so far ended with a value (no two values in a row) and holds a literal.
            var seen = new HashSet<(int At, bool AfterValue, bool HasLiteral)>();
            var pending = new Stack<(int At, bool AfterValue, bool HasLiteral)>();
            pending.Push((0, false, false));
            while (pending.Count > 0)
            {
                var state = pending.Pop();
                if (!seen.Add(state))
                {
                    continue;
                }

                if (state.At == n)
                {
                    if (state.HasLiteral)
                    {
                        return true;
                    }

                    continue;
                }

                for (int end = state.At + 1; end <= n; end++)
                {
                    if (IsLiteralRun(text, state.At, end, literals))
                    {
                        pending.Push((end, false, true));
                    }

                    if (!state.AfterValue && IsValue(text, state.At, end))
                    {
                        pending.Push((end, true, state.HasLiteral));
                    }
                }
            }

            return false;
        }

        private static bool IsLiteralRun(string text, int start, int end, IReadOnlyCollection<string> literals)
        {
            string piece = text.Substring(start, end - start);
            bool first = start == 0;
            bool last = end == text.Length;
            if (!(first && last) && piece.Length < 3 && piece.Any(char.IsLetterOrDigit))
            {
                return false; // one- and two-letter literals ("s", "on") would cover any text: only punctuation may be that short
            }

            return literals.Any(l =>
                first && last ? l.Contains(piece, StringComparison.Ordinal)
                : first ? l.EndsWith(piece, StringComparison.Ordinal)
                : last ? l.StartsWith(piece, StringComparison.Ordinal)
                : l == piece);
        }

        private static bool IsValue(string text, int start, int end)
        {
            bool digit = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                digit |= char.IsAsciiDigit(c);
                if (!char.IsAsciiHexDigit(c) && c != 'x' && c != '.' && c != ':' && c != '-')
                {
                    return false;
                }
            }

            return digit;
        }
    }
}
