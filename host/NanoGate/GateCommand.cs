using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using SensorNode.CommandLine;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// NanoGate's command line, in two forms: source sets to check (host/test.sh's), each NAME=DIR;DIR;FILE.cs with
    /// the --root, --rules and --refs written before it ("hold for the sets after them", so one run can check sets
    /// under different rules); or --assembly, the steady-state scan of a built firmware. System.CommandLine parses
    /// and checks the words; where each set stands among the options is read from the parsed words' order.
    /// </summary>
    public sealed class GateCommand : RootCommand
    {
        private const string About =
@"nanoFramework compatibility gate: compiles each source set against nanoFramework's mscorlib.dll (and, after --refs,
the declaration-only library APIs in DIR), rejects language features the 1.x runtime cannot run, and checks the IL for
what nanoCLR does differently from .NET (see docs/nanoframework.md and docs/testing.md). Exit code 1 and one line per
violation (file, line, method or API, rule) when anything fails.";

        private const string Footer =
@"Examples (host/test.sh's sets; from the repository root):
  dotnet run --project host/NanoGate -- --rules all core=SensorNode.Core
  dotnet run --project host/NanoGate -- --rules equals --refs ""SensorNode.Core;host/NanoFrameworkRefs"" ""board=SensorNode/Board;SensorNode/Program.cs""
  dotnet run --project host/NanoGate -- --rules equals --refs ""SensorNode.Core;SensorNode.Tests/TestKit;host/NanoTestFramework/Api"" tests-soak=SensorNode.Tests/Soak
  dotnet run --project host/NanoGate -- --assembly out/SensorNode/SensorNode.exe --libs /tmp/libs --list
  dotnet run --project host/NanoGate -- packages";

        private readonly Option<string> _root = CommandLineOptions.Value("--root", "DIR", "the folder the sets after it are relative to (default: the current folder)");

        private readonly Option<IlRules> _rules = new Option<IlRules>("--rules")
        {
            HelpName = "equals|all",
            Description = "the IL rules of the sets after it: equals (primitive-equals only) or all (also box and steady-state-alloc) [default: all]",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                IlRules rules = IlRules.All;
                foreach (Token token in result.Tokens)
                {
                    if (!TryParseRules(token.Value, out rules))
                    {
                        result.AddError("--rules takes equals or all, not '" + token.Value + "'");
                    }
                }

                return rules;
            },
        };

        private readonly Option<string> _refs = CommandLineOptions.Value("--refs", "DIR;DIR|none",
            "what the sets after it are compiled against besides mscorlib, as one reference assembly: declaration-only library APIs "
            + "(host/NanoFrameworkRefs) and the sources of assemblies they reference (SensorNode.Core) (none: mscorlib alone) [default: none]");

        private readonly Argument<string[]> _sets = new Argument<string[]>("NAME=DIR;DIR;FILE.cs")
        {
            Description = "a source set: its name and its folders (searched for *.cs) and single .cs files, relative to --root",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private readonly Option<string> _assembly = CommandLineOptions.Value("--assembly", "FILE",
            "instead of source sets: the steady-state scan of a firmware built for the device (with its portable PDB), from the core's [SteadyState] methods");

        private readonly Option<string[]> _libs = new Option<string[]>("--libs")
        {
            HelpName = "DIR",
            Description = "with --assembly: a folder of the libraries the firmware runs with (.dll, .exe); may be given more than once",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        private readonly Option<bool> _list = CommandLineOptions.Flag("--list", "with --assembly: list every allocation site found, not only the counts");

        public GateCommand(Func<IReadOnlyList<SourceSetRequest>, int> checkSets, Func<AssemblyScanRequest, int> scanAssembly, Func<string, int> checkPackages)
            : base(About)
        {
            Subcommands.Add(PackagesCommand(checkPackages));
            HelpName = "dotnet run --project host/NanoGate --";
            Options.Add(_root);
            Options.Add(_rules);
            Options.Add(_refs);
            Arguments.Add(_sets);
            Options.Add(_assembly);
            Options.Add(_libs);
            Options.Add(_list);
            CommandLineProgram.Prepare(this, command => Footer);
            _sets.Validators.Add(result =>
            {
                foreach (Token set in result.Tokens.Where(t => !IsSourceSet(t.Value)))
                {
                    result.AddError("a source set is NAME=DIR;DIR;FILE.cs, not '" + set.Value + "'");
                }
            });
            Validators.Add(CheckForm);
            SetAction(parsed => parsed.GetResult(_assembly) != null
                ? scanAssembly(new AssemblyScanRequest(parsed.GetValue(_assembly), parsed.GetValue(_libs), parsed.GetValue(_list)))
                : checkSets(SourceSets(parsed)));
        }

        /// <summary>"packages": the device build's package set is one (PackageSetCheck), from --root or the current folder.</summary>
        private static Command PackagesCommand(Func<string, int> checkPackages)
        {
            Option<string> root = CommandLineOptions.Value("--root", "DIR", "the repository root (default: the current folder)");
            Command packages = new Command("packages",
                "checks that the packages.config beside every .nfproj, the HintPaths of every .nfproj and the "
                + "declaration headers in host/NanoFrameworkRefs name the same package versions, and that every ProjectReference names a project");
            packages.Options.Add(root);
            packages.SetAction(parsed => checkPackages(Path.GetFullPath(parsed.GetValue(root) ?? Directory.GetCurrentDirectory())));
            return packages;
        }

        /// <summary>The source sets in the order given, each with the --root, --rules and --refs written before it.</summary>
        public IReadOnlyList<SourceSetRequest> SourceSets(ParseResult parsed)
        {
            HashSet<Token> rootValues = ValuesOf(parsed, _root);
            HashSet<Token> rulesValues = ValuesOf(parsed, _rules);
            HashSet<Token> refsValues = ValuesOf(parsed, _refs);
            HashSet<Token> sets = new HashSet<Token>(parsed.GetResult(_sets)?.Tokens ?? Array.Empty<Token>(), ReferenceEqualityComparer.Instance);
            string root = Directory.GetCurrentDirectory();
            IlRules rules = IlRules.All;
            string refs = null;
            List<SourceSetRequest> requests = new List<SourceSetRequest>();
            foreach (Token token in parsed.Tokens)
            {
                if (rootValues.Contains(token))
                {
                    root = Path.GetFullPath(token.Value);
                }
                else if (rulesValues.Contains(token))
                {
                    TryParseRules(token.Value, out rules);
                }
                else if (refsValues.Contains(token))
                {
                    refs = token.Value == "none" ? null : token.Value;
                }
                else if (sets.Contains(token))
                {
                    string[] nameAndPaths = token.Value.Split('=', 2);
                    string[] paths = nameAndPaths[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(root, p)).ToArray();
                    requests.Add(new SourceSetRequest(nameAndPaths[0], root, paths, rules, refs));
                }
            }

            return requests;
        }

        /// <summary>Source sets or --assembly, one of the two; --libs and --list only with --assembly.</summary>
        private void CheckForm(CommandResult result)
        {
            bool scan = result.GetResult(_assembly) != null;
            bool sets = result.GetResult(_sets)?.Tokens.Count > 0;
            if (!scan && !sets)
            {
                result.AddError("no source set (NAME=DIR;DIR;FILE.cs) and no --assembly: nothing to check");
            }

            if (scan && (sets || result.GetResult(_root) != null || result.GetResult(_rules) != null || result.GetResult(_refs) != null))
            {
                result.AddError("--assembly scans a built firmware: it takes no source sets, --root, --rules or --refs");
            }

            if (!scan && (result.GetResult(_libs) != null || result.GetResult(_list) != null))
            {
                result.AddError("--libs and --list go with --assembly");
            }
        }

        private static HashSet<Token> ValuesOf(ParseResult parsed, Option option)
        {
            return new HashSet<Token>(parsed.GetResult(option)?.Tokens ?? Array.Empty<Token>(), ReferenceEqualityComparer.Instance);
        }

        private static bool IsSourceSet(string text)
        {
            string[] nameAndPaths = text.Split('=', 2);
            return nameAndPaths.Length == 2 && nameAndPaths[0].Length > 0 && nameAndPaths[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Length > 0;
        }

        private static bool TryParseRules(string text, out IlRules rules)
        {
            rules = IlRules.All;
            foreach (IlRules candidate in Enum.GetValues<IlRules>())
            {
                if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    rules = candidate;
                    return true;
                }
            }

            return false;
        }
    }
}
