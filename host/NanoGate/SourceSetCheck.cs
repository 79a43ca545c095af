using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using SensorNode.NanoGate.Il;

namespace SensorNode.NanoGate
{
    /// <summary>Which checks of the compiled IL a source set gets.</summary>
    public enum IlRules
    {
        /// <summary>Only "primitive-equals": what crashes nanoCLR wherever it is (tests included).</summary>
        Equals,

        /// <summary>Also "box" and "steady-state-alloc": the portable core's memory rules.</summary>
        All
    }

    /// <summary>
    /// One set of sources checked for the device: compiled against nanoFramework's mscorlib alone, walked for
    /// language features the 1.x runtime lacks, and its IL checked for what the real runtime does differently.
    /// </summary>
    public sealed class SourceSetCheck
    {
        private SourceSetCheck()
        {
        }

        /// <summary>nanoFramework.CoreLibrary's mscorlib.dll, restored with this project.</summary>
        public static string Mscorlib
        {
            get
            {
                return typeof(SourceSetCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .First(a => a.Key == "NanoMscorlib").Value;
            }
        }

        /// <summary>"file(line,col): message" per problem; empty when the set passes.</summary>
        public List<string> Violations { get; } = new List<string>();

        /// <summary>The IL rules' findings (also in <see cref="Violations"/>), for tests.</summary>
        public List<IlFinding> IlFindings { get; } = new List<IlFinding>();

        /// <summary>Figures worth printing even when the set passes (e.g. the steady state's allocation count).</summary>
        public List<string> Figures { get; } = new List<string>();

        public static SourceSetCheck OfFolders(string[] folders, string root, IlRules rules)
        {
            List<(string Path, string Text)> sources = new List<(string, string)>();
            foreach (string folder in folders)
            {
                foreach (string file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
                {
                    sources.Add((Path.GetRelativePath(root, file), File.ReadAllText(file)));
                }
            }

            return OfSources(sources, rules);
        }

        /// <summary>Checks sources given as (path shown in messages, text).</summary>
        public static SourceSetCheck OfSources(IEnumerable<(string Path, string Text)> sources, IlRules rules)
        {
            SourceSetCheck check = new SourceSetCheck();
            CSharpParseOptions parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            List<SyntaxTree> trees = sources.OrderBy(s => s.Path, StringComparer.Ordinal)
                .Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path, System.Text.Encoding.UTF8))
                .ToList();
            check.FileCount = trees.Count;

            CSharpCompilation compilation = CSharpCompilation.Create(
                "NanoGate",
                trees,
                new[] { MetadataReference.CreateFromFile(Mscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            using (MemoryStream pe = new MemoryStream())
            using (MemoryStream pdb = new MemoryStream())
            {
                EmitResult emit = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                check.Violations.AddRange(emit.Diagnostics
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => Format(d.Location, "error " + d.Id + ": " + d.GetMessage())));

                foreach (SyntaxTree tree in trees)
                {
                    UnsupportedFeatureFinder finder = new UnsupportedFeatureFinder();
                    finder.Visit(tree.GetRoot());
                    check.Violations.AddRange(finder.Findings.Select(f => Format(f.Location, f.Message)));
                }

                if (emit.Success)
                {
                    pe.Position = 0;
                    pdb.Position = 0;
                    check.CheckIl(pe, pdb, rules);
                }
            }

            return check;
        }

        public int FileCount { get; private set; }

        private void CheckIl(Stream pe, Stream pdb, IlRules rules)
        {
            using (IlAssembly assembly = new IlAssembly(pe, pdb, new[] { Mscorlib }))
            {
                IlFindings.AddRange(PrimitiveEqualsRule.Check(assembly));
                if (rules == IlRules.All)
                {
                    IlFindings.AddRange(BoxRule.Check(assembly));
                    SteadyStateRule steady = SteadyStateRule.Check(assembly);
                    IlFindings.AddRange(steady.Findings);
                    Figures.Add(steady.Summary());
                    if (Environment.GetEnvironmentVariable("NANOGATE_LIST") == "1")
                    {
                        Figures.AddRange(steady.Reached.Select(m => "  steady: " + m.FullName).OrderBy(l => l, StringComparer.Ordinal));
                        Figures.AddRange(steady.ColdPathsCut.Select(m => "  cold:   " + m.FullName).OrderBy(l => l, StringComparer.Ordinal));
                    }
                }
            }

            Violations.AddRange(IlFindings.Select(f => f.ToString()));
        }

        private static bool IsBuildOutput(string path)
        {
            string normalized = path.Replace('\\', '/');
            return normalized.Contains("/bin/") || normalized.Contains("/obj/");
        }

        private static string Format(Location location, string message)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + message;
        }
    }
}
