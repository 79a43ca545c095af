using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace SensorNode.CommandLine
{
    /// <summary>
    /// Runs a host program's command line: parses it, hands any errors to the program (which words them and exits 2),
    /// otherwise runs the chosen command's action. "@file" is a word like any other (no response files: a password or
    /// a JSON may start with @), and there is no --version (the programs have none worth printing).
    /// </summary>
    public static class CommandLineProgram
    {
        /// <summary>The exit code of a command line that was not understood.</summary>
        public const int UsageError = 2;

        /// <summary>Help lines are wrapped at this width when they go to a file or a pipe (a terminal uses its own).</summary>
        public const int RedirectedHelpWidth = 120;

        public static ParserConfiguration Parsing { get; } = new ParserConfiguration { ResponseFileTokenReplacer = null };

        /// <summary>
        /// Prepares <paramref name="root"/>: no --version, and each command's help followed by its footer, if
        /// <paramref name="footerOf"/> gives one: examples, what a program reads besides its command line.
        /// </summary>
        public static void Prepare(RootCommand root, Func<Command, string> footerOf = null)
        {
            foreach (VersionOption version in root.Options.OfType<VersionOption>().ToList())
            {
                root.Options.Remove(version);
            }

            HelpOption help = root.Options.OfType<HelpOption>().Single();
            help.Action = new HelpWithFooter((HelpAction)help.Action, footerOf ?? (_ => null));
        }

        /// <summary>
        /// The chosen command's exit code, or <paramref name="refuse"/>'s for a command line with errors. --help shows
        /// the help even beside a wrong word (System.CommandLine's help clears the errors).
        /// </summary>
        public static int Run(RootCommand root, IReadOnlyList<string> args, Func<ParseResult, IReadOnlyList<string>, int> refuse)
        {
            ParseResult parsed = root.Parse(args, Parsing);
            return parsed.Errors.Count > 0 ? refuse(parsed, Messages(parsed)) : parsed.Invoke();
        }

        /// <summary>The errors, one line each; an option given without its value is "--x needs a value".</summary>
        public static IReadOnlyList<string> Messages(ParseResult parsed)
        {
            return parsed.Errors
                .Select(error => error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.Arity.MinimumNumberOfValues > 0
                    ? option.IdentifierToken.Value + " needs a value"
                    : error.Message)
                .Distinct()
                .ToList();
        }

        /// <summary>Writes the help of <paramref name="command"/> (the root or one of its subcommands) to <paramref name="output"/>, e.g. standard error.</summary>
        public static void WriteHelp(RootCommand root, Command command, TextWriter output)
        {
            List<string> words = new List<string>();
            for (Command c = command; c != root && c != null; c = c.Parents.OfType<Command>().FirstOrDefault())
            {
                words.Insert(0, c.Name);
            }

            words.Add("--help");
            root.Parse(words, Parsing).Invoke(new InvocationConfiguration { Output = output });
        }

        private sealed class HelpWithFooter : SynchronousCommandLineAction
        {
            private readonly HelpAction _help;
            private readonly Func<Command, string> _footerOf;

            public HelpWithFooter(HelpAction help, Func<Command, string> footerOf)
            {
                _help = help;
                _footerOf = footerOf;
            }

            public override bool ClearsParseErrors => true;

            public override int Invoke(ParseResult parseResult)
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                if (output != Console.Out || Console.IsOutputRedirected)
                {
                    _help.MaxWidth = RedirectedHelpWidth;
                }

                int exitCode = _help.Invoke(parseResult);
                string footer = _footerOf(parseResult.CommandResult.Command);
                if (footer != null)
                {
                    output.WriteLine(footer);
                    output.WriteLine();
                }

                return exitCode;
            }
        }
    }
}
