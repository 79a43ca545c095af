using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SensorNode.IntegrationTests.Harness;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>
    /// A firmware source file (SensorNode/**.cs) read as the docs tests need it: its string literals, its log
    /// calls as templates, the board profile's field values. A small scanner, not a compiler: it knows comments,
    /// string and char literals and brackets, which is all these files use (no interpolated or raw strings; a
    /// file with one fails loudly). The device-only files cannot be compiled here, so the docs are checked against
    /// their text.
    /// </summary>
    public sealed class FirmwareSource
    {
        private static readonly Regex LogCallStart = new Regex(@"\b_?log\.(Info|Warn|Error)\(", RegexOptions.Compiled);
        private readonly List<Literal> _literals = new List<Literal>();

        private FirmwareSource(string path, string text)
        {
            Path = path;
            Code = Scan(path, text, _literals);
        }

        /// <summary>Relative to the repository root, e.g. "SensorNode/Program.cs".</summary>
        public string Path { get; }

        /// <summary>The text with every comment blanked out (same length, so positions hold); literals stay.</summary>
        public string Code { get; }

        /// <summary>Every string literal's value, unescaped.</summary>
        public IEnumerable<string> Literals => _literals.Select(l => l.Value);

        public static FirmwareSource Load(string relativePath)
        {
            string full = System.IO.Path.Combine(Built.RepoRoot, relativePath);
            return new FirmwareSource(relativePath, File.ReadAllText(full));
        }

        /// <summary>The firmware's folders: the application and the portable core it references.</summary>
        public static readonly string[] Folders = { "SensorNode", "SensorNode.Core" };

        /// <summary>Every .cs file of the firmware (<see cref="Folders"/>, without bin and obj).</summary>
        public static IEnumerable<FirmwareSource> All()
        {
            IEnumerable<string> files = Folders.SelectMany(folder => Directory.EnumerateFiles(System.IO.Path.Combine(Built.RepoRoot, folder), "*.cs", SearchOption.AllDirectories));
            foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                string relative = System.IO.Path.GetRelativePath(Built.RepoRoot, file).Replace('\\', '/');
                if (!relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    yield return Load(relative);
                }
            }
        }

        /// <summary>Every <c>log.Info/Warn/Error(…)</c> and <c>_log.…</c> call (the board's and the core's ILog), in file order.</summary>
        public IEnumerable<LogCall> LogCalls()
        {
            foreach (Match start in LogCallStart.Matches(Code))
            {
                if (LiteralAt(start.Index) != null)
                {
                    continue; // the text of a string, not a call
                }

                yield return new LogCall(this, start.Index, start.Groups[1].Value, Arguments(start.Index + start.Length));
            }
        }

        /// <summary>Position of the first occurrence of <paramref name="code"/> outside comments and literals; -1 if none.</summary>
        public int IndexOfCode(string code, int from = 0)
        {
            int at = Code.IndexOf(code, from, StringComparison.Ordinal);
            while (at >= 0 && LiteralAt(at) != null)
            {
                at = Code.IndexOf(code, at + 1, StringComparison.Ordinal);
            }

            return at;
        }

        /// <summary>The value a plain field initialiser or assignment gives <paramref name="field"/> (<c>X = 21;</c>, <c>public string X = "a";</c>); null if none.</summary>
        public string ValueAssignedTo(string field, string receiver = null)
        {
            string target = receiver == null ? @"(?:public|private|internal)?\s*(?:const\s+)?\w+\s+" + Regex.Escape(field) : Regex.Escape(receiver) + @"\." + Regex.Escape(field);
            foreach (Match m in Regex.Matches(Code, target + @"\s*=\s*([^;]+);"))
            {
                if (LiteralAt(m.Index) != null)
                {
                    continue;
                }

                Group group = m.Groups[1];
                string value = group.Value.Trim();
                int valueStart = group.Index + (group.Value.Length - group.Value.TrimStart().Length);
                Literal literal = LiteralAt(valueStart);
                if (literal != null)
                {
                    if (literal.Start == valueStart && literal.End == valueStart + value.Length)
                    {
                        return literal.Value;
                    }

                    continue; // an expression with a string in it
                }

                if (Regex.IsMatch(value, @"^(-?\d+|0x[0-9A-Fa-f]+|true|false)$"))
                {
                    return value;
                }
            }

            return null;
        }

        private Literal LiteralAt(int position)
        {
            return _literals.FirstOrDefault(l => position >= l.Start && position < l.End);
        }

        /// <summary>The top-level '+' operands of the argument list starting at <paramref name="from"/>, up to its closing parenthesis.</summary>
        private List<LogPart> Arguments(int from)
        {
            var parts = new List<LogPart>();
            int depth = 0;
            int operandStart = from;
            for (int i = from; i < Code.Length; i++)
            {
                Literal literal = LiteralAt(i);
                if (literal != null)
                {
                    i = literal.End - 1;
                    continue;
                }

                char c = Code[i];
                if (c == '(' || c == '[' || c == '{')
                {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}')
                {
                    if (depth == 0)
                    {
                        parts.Add(Operand(operandStart, i));
                        return parts;
                    }

                    depth--;
                }
                else if (depth == 0 && (c == '+' || c == ','))
                {
                    if (c == ',')
                    {
                        throw new InvalidDataException(Path + ": a log call with more than one argument at " + from);
                    }

                    parts.Add(Operand(operandStart, i));
                    operandStart = i + 1;
                }
            }

            throw new InvalidDataException(Path + ": unclosed log call at " + from);
        }

        private LogPart Operand(int start, int end)
        {
            string text = Code.Substring(start, end - start).Trim();
            int first = start + (Code.Substring(start, end - start).Length - Code.Substring(start, end - start).TrimStart().Length);
            Literal literal = LiteralAt(first);
            return literal != null && literal.Start == first && literal.End == first + text.Length
                ? new LogPart(true, literal.Value)
                : new LogPart(false, text);
        }

        /// <summary>Blanks comments, records literals; throws on the string forms this scanner does not read.</summary>
        private static string Scan(string path, string text, List<Literal> literals)
        {
            var code = new StringBuilder(text);
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                char next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (c == '/' && next == '/')
                {
                    int end = text.IndexOf('\n', i);
                    end = end < 0 ? text.Length : end;
                    Blank(code, i, end);
                    i = end;
                }
                else if (c == '/' && next == '*')
                {
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 2;
                    Blank(code, i, end);
                    i = end;
                }
                else if ((c == '$' || c == '@') && (next == '"' || next == '$' || next == '@'))
                {
                    throw new InvalidDataException(path + ": an interpolated or verbatim string at " + i + "; FirmwareSource reads only plain literals");
                }
                else if (c == '"')
                {
                    if (next == '"' && i + 2 < text.Length && text[i + 2] == '"')
                    {
                        throw new InvalidDataException(path + ": a raw string literal at " + i + "; FirmwareSource reads only plain literals");
                    }

                    var value = new StringBuilder();
                    int j = i + 1;
                    while (text[j] != '"')
                    {
                        if (text[j] == '\\')
                        {
                            j = Unescape(text, j, value);
                        }
                        else
                        {
                            value.Append(text[j++]);
                        }
                    }

                    literals.Add(new Literal(i, j + 1, value.ToString()));
                    i = j + 1;
                }
                else if (c == '\'')
                {
                    int j = i + 1;
                    j = text[j] == '\\' ? Unescape(text, j, new StringBuilder()) : j + 1;
                    i = j + 1; // the closing quote
                }
                else
                {
                    i++;
                }
            }

            return code.ToString();
        }

        /// <summary>Reads the escape sequence at <paramref name="at"/> (a backslash) into <paramref name="value"/>; returns the position after it.</summary>
        private static int Unescape(string text, int at, StringBuilder value)
        {
            char kind = text[at + 1];
            switch (kind)
            {
                case 'n': value.Append('\n'); return at + 2;
                case 'r': value.Append('\r'); return at + 2;
                case 't': value.Append('\t'); return at + 2;
                case '0': value.Append('\0'); return at + 2;
                case 'u':
                    value.Append((char)Convert.ToInt32(text.Substring(at + 2, 4), 16));
                    return at + 6;
                default:
                    value.Append(kind); // \\ \" \'
                    return at + 2;
            }
        }

        private static void Blank(StringBuilder code, int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                if (code[k] != '\n')
                {
                    code[k] = ' ';
                }
            }
        }

        private sealed record Literal(int Start, int End, string Value);
    }

    /// <summary>One operand of a log call's message: a string literal (its value) or an expression (its source text).</summary>
    public sealed record LogPart(bool IsLiteral, string Text);

    /// <summary>A log call: its level (Info, Warn, Error) and its message as literals and expressions.</summary>
    public sealed class LogCall
    {
        public LogCall(FirmwareSource file, int position, string level, IReadOnlyList<LogPart> parts)
        {
            File = file;
            Position = position;
            Level = level;
            Parts = parts;
            Pattern = new Regex("^" + string.Concat(parts.Select(p => p.IsLiteral ? Regex.Escape(p.Text) : "(.*?)")) + "$", RegexOptions.Singleline);
        }

        public FirmwareSource File { get; }

        public int Position { get; }

        public string Level { get; }

        public IReadOnlyList<LogPart> Parts { get; }

        /// <summary>Literals as themselves, each expression as a lazy group, in order.</summary>
        public Regex Pattern { get; }

        /// <summary>How much of the message the source fixes: a template of expressions only says nothing about a line.</summary>
        public int LiteralLength => Parts.Where(p => p.IsLiteral).Sum(p => p.Text.Length);

        public IEnumerable<LogPart> Expressions => Parts.Where(p => !p.IsLiteral);

        public override string ToString()
        {
            return File.Path + ": " + Level + "(" + string.Join(" + ", Parts.Select(p => p.IsLiteral ? "\"" + p.Text + "\"" : p.Text)) + ")";
        }
    }
}
