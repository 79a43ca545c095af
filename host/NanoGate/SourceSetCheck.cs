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

        /// <param name="paths">Folders (searched for *.cs, build output skipped) and single .cs files.</param>
        /// <param name="refsFolders">What the set is compiled against besides mscorlib, compiled first into one reference
        /// assembly: declaration-only sources of the nanoFramework library APIs it may call (host/NanoFrameworkRefs),
        /// and the sources of the assemblies it references on the device (SensorNode.Core); null: mscorlib alone.</param>
        public static SourceSetCheck OfFolders(string[] paths, string root, IlRules rules, params string[] refsFolders)
        {
            bool references = refsFolders != null && refsFolders.Length > 0;
            return OfSources(ReadSources(paths, root), rules, references ? ReadSources(refsFolders, root) : null);
        }

        /// <summary>Checks sources given as (path shown in messages, text).</summary>
        /// <param name="referenceSources">Declaration-only library sources compiled first, against mscorlib, into a
        /// reference assembly the set is compiled against too; null or empty: mscorlib alone.</param>
        public static SourceSetCheck OfSources(
            IEnumerable<(string Path, string Text)> sources,
            IlRules rules,
            IEnumerable<(string Path, string Text)> referenceSources = null)
        {
            SourceSetCheck check = new SourceSetCheck();
            List<SyntaxTree> trees = Parse(sources);
            check.FileCount = trees.Count;

            List<MetadataReference> references = new List<MetadataReference> { MetadataReference.CreateFromFile(Mscorlib) };
            List<byte[]> referenceImages = new List<byte[]> { File.ReadAllBytes(Mscorlib) };
            List<SyntaxTree> referenceTrees = Parse(referenceSources ?? Enumerable.Empty<(string, string)>());
            check.ReferenceFileCount = referenceTrees.Count;
            if (referenceTrees.Count > 0)
            {
                byte[] image = check.CompileReferences(referenceTrees);
                if (image == null)
                {
                    return check; // the declarations themselves do not compile: reported, nothing to compile against
                }

                references.Add(MetadataReference.CreateFromImage(image));
                referenceImages.Add(image);
            }

            CSharpCompilation compilation = CSharpCompilation.Create(
                "NanoGate",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            using (MemoryStream pe = new MemoryStream())
            using (MemoryStream pdb = new MemoryStream())
            {
                EmitResult emit = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                check.Violations.AddRange(emit.Diagnostics
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => Format(d.Location, "error " + d.Id + ": " + d.GetMessage())));

                check.FindUnsupportedFeatures(trees);

                if (emit.Success)
                {
                    check.CheckStringTable(pe.ToArray());
                    pe.Position = 0;
                    pdb.Position = 0;
                    check.CheckIl(pe, pdb, rules, referenceImages);
                }
            }

            return check;
        }

        /// <summary>How many declaration-only library sources the set was compiled against (0: mscorlib alone).</summary>
        public int ReferenceFileCount { get; private set; }

        public int FileCount { get; private set; }

        /// <summary>
        /// The declaration-only library sources as one metadata-only assembly, compiled against mscorlib with the same
        /// language limits as the set (their members are <c>extern</c>: the two warnings that draws are expected).
        /// Null, with the errors in <see cref="Violations"/>, when they do not compile.
        /// </summary>
        private byte[] CompileReferences(List<SyntaxTree> referenceTrees)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "NanoFrameworkRefs",
                referenceTrees,
                new[] { MetadataReference.CreateFromFile(Mscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using (MemoryStream image = new MemoryStream())
            {
                EmitResult emit = compilation.Emit(image, options: new EmitOptions(metadataOnly: true));
                Violations.AddRange(emit.Diagnostics
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => Format(d.Location, "error " + d.Id + " (reference declarations): " + d.GetMessage())));
                FindUnsupportedFeatures(referenceTrees);
                return emit.Success ? image.ToArray() : null;
            }
        }

        private void FindUnsupportedFeatures(IEnumerable<SyntaxTree> trees)
        {
            foreach (SyntaxTree tree in trees)
            {
                UnsupportedFeatureFinder finder = new UnsupportedFeatureFinder();
                finder.Visit(tree.GetRoot());
                Violations.AddRange(finder.Findings.Select(f => Format(f.Location, f.Message)));
            }
        }

        private static List<(string Path, string Text)> ReadSources(IEnumerable<string> paths, string root)
        {
            List<(string Path, string Text)> sources = new List<(string, string)>();
            foreach (string path in paths)
            {
                IEnumerable<string> files = File.Exists(path)
                    ? new[] { path }
                    : Directory.GetFiles(path, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f));
                foreach (string file in files)
                {
                    sources.Add((Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
                }
            }

            return sources;
        }

        private static List<SyntaxTree> Parse(IEnumerable<(string Path, string Text)> sources)
        {
            // One language version for every set and for the reference declarations; what the 1.x runtime lacks
            // within it is rejected by UnsupportedFeatureFinder.
            CSharpParseOptions parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            return sources.OrderBy(s => s.Path, StringComparer.Ordinal)
                .Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path, System.Text.Encoding.UTF8))
                .ToList();
        }

        /// <summary>Every set is one assembly on the device (SensorNode.Core, the app, a test project, the test kit):
        /// its strings must fit nanoCLR's table with a quarter of it to spare (<see cref="StringTableEstimate.FailLine"/>).</summary>
        private void CheckStringTable(byte[] image)
        {
            int counted = StringTableEstimate.Count(image);
            int projected = (int)Math.Ceiling(counted * StringTableEstimate.PeOverhead);
            Figures.Add("strings: " + counted + " bytes counted, about " + projected + " in the .pe, "
                + StringTableEstimate.Percent(projected) + " of the " + StringTableEstimate.NanoClrLimit + " nanoCLR reads; fail line "
                + StringTableEstimate.FailLinePercent + " % (" + StringTableEstimate.FailLine + ")");
            if (projected > StringTableEstimate.FailLine)
            {
                Violations.Add("[string-table] the assembly's strings (about " + projected + " bytes in the .pe, " + StringTableEstimate.Percent(projected)
                    + ") pass the fail line of " + StringTableEstimate.FailLinePercent + " % of the " + StringTableEstimate.NanoClrLimit
                    + " bytes nanoCLR can address (past 100 % it loads broken: a test assembly with 0 tests and no error). "
                    + "Split the assembly: a test project per area (docs/testing.md), or code into a class library (docs/nanoframework.md #18)");
            }
        }

        private void CheckIl(Stream pe, Stream pdb, IlRules rules, IEnumerable<byte[]> referenceImages)
        {
            using (IlAssembly assembly = new IlAssembly(pe, pdb, referenceImages))
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
