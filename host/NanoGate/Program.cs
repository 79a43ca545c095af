using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// nanoFramework compatibility gate. Each argument names a set of sources that must build for the device:
    ///   core=SensorNode/Core  tests=SensorNode/Core;host/NanoTestFramework/Api;SensorNode.Tests
    /// Every set is compiled against nanoFramework's mscorlib.dll alone, then checked for language features the
    /// 1.x runtime cannot run. Exit code 1 and one line per violation (file, line, API) when anything fails.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: NanoGate [--root DIR] name=dir1;dir2 ...");
                return 2;
            }

            string root = Directory.GetCurrentDirectory();
            string mscorlib = (string)typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "NanoMscorlib").Value;
            if (!File.Exists(mscorlib))
            {
                Console.Error.WriteLine("nanoFramework mscorlib.dll not found at " + mscorlib + " (restore NanoGate first)");
                return 2;
            }

            int failures = 0;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--root")
                {
                    root = Path.GetFullPath(args[++i]);
                    continue;
                }

                string[] parts = args[i].Split('=', 2);
                string[] folders = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries);
                failures += CheckSet(parts[0], folders.Select(f => Path.Combine(root, f)).ToArray(), root, mscorlib);
            }

            Console.WriteLine(failures == 0
                ? "nanoFramework gate: passed (mscorlib " + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(mscorlib))) + ")"
                : "nanoFramework gate: " + failures + " violation(s)");
            return failures == 0 ? 0 : 1;
        }

        private static int CheckSet(string name, string[] folders, string root, string mscorlib)
        {
            List<string> files = new List<string>();
            foreach (string folder in folders)
            {
                if (!Directory.Exists(folder))
                {
                    Console.WriteLine("gate[" + name + "]: folder not found: " + folder);
                    return 1;
                }

                files.AddRange(Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(f)));
            }

            CSharpParseOptions parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            List<SyntaxTree> trees = files.OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, Path.GetRelativePath(root, f)))
                .ToList();

            CSharpCompilation compilation = CSharpCompilation.Create(
                "NanoGate_" + name,
                trees,
                new[] { MetadataReference.CreateFromFile(mscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            List<string> violations = new List<string>();
            using (MemoryStream pe = new MemoryStream())
            {
                var emit = compilation.Emit(pe);
                violations.AddRange(emit.Diagnostics
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => Format(d.Location, "error " + d.Id + ": " + d.GetMessage())));
            }

            foreach (SyntaxTree tree in trees)
            {
                UnsupportedFeatureFinder finder = new UnsupportedFeatureFinder();
                finder.Visit(tree.GetRoot());
                violations.AddRange(finder.Findings.Select(f => Format(f.Location, f.Message)));
            }

            foreach (string violation in violations.Distinct())
            {
                Console.WriteLine(violation);
            }

            Console.WriteLine("gate[" + name + "]: " + trees.Count + " files, " + violations.Distinct().Count() + " violation(s)");
            return violations.Distinct().Count();
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
