using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SensorNode.CommandLine;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// nanoFramework compatibility gate (the command line: <see cref="GateCommand"/>). Each source set must build for
    /// the device: compiled against nanoFramework's mscorlib.dll (plus, after "--refs DIR", the declaration-only
    /// library APIs in DIR, compiled first into a reference assembly), checked for language features the 1.x runtime
    /// cannot run, and its IL checked for what nanoCLR does differently from .NET ("--rules" before a set chooses
    /// which IL rules it gets; see docs/nanoframework.md). Exit code 1 and one line per violation (file, line, method
    /// or API, rule) when anything fails; 2 when the command line is not understood or mscorlib.dll is missing.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            GateCommand command = new GateCommand(
                sets => WithMscorlib(() => CheckSets(sets)),
                scan => WithMscorlib(() => AssemblyScan.Run(scan)),
                CheckPackages);
            return CommandLineProgram.Run(command, args, (_, errors) =>
            {
                foreach (string error in errors)
                {
                    Console.Error.WriteLine("NanoGate: " + error);
                }

                Console.Error.WriteLine("(--help shows both forms, with examples)");
                return CommandLineProgram.UsageError;
            });
        }

        private static int WithMscorlib(Func<int> check)
        {
            if (!File.Exists(SourceSetCheck.Mscorlib))
            {
                Console.Error.WriteLine("nanoFramework mscorlib.dll not found at " + SourceSetCheck.Mscorlib + " (restore NanoGate first)");
                return CommandLineProgram.UsageError;
            }

            return check();
        }

        private static int CheckSets(IReadOnlyList<SourceSetRequest> sets)
        {
            int failures = 0;
            foreach (SourceSetRequest set in sets)
            {
                string missing = set.Paths.FirstOrDefault(f => !Directory.Exists(f) && !(File.Exists(f) && f.EndsWith(".cs", StringComparison.Ordinal)));
                if (missing == null && set.RefsFolders != null)
                {
                    missing = set.RefsFolders.FirstOrDefault(f => !Directory.Exists(f));
                }

                if (missing != null)
                {
                    Console.WriteLine("gate[" + set.Name + "]: folder or .cs file not found: " + missing);
                    failures++;
                    continue;
                }

                SourceSetCheck check = SourceSetCheck.OfFolders(set.Paths, set.Root, set.Rules, set.RefsFolders);
                foreach (string violation in check.Violations.Distinct())
                {
                    Console.WriteLine(violation);
                }

                foreach (string figure in check.Figures)
                {
                    Console.WriteLine("gate[" + set.Name + "]: " + figure);
                }

                int count = check.Violations.Distinct().Count();
                string against = check.ReferenceFileCount == 0 ? "" : " (+ " + check.ReferenceFileCount + " reference declaration files in " + set.Refs + ")";
                Console.WriteLine("gate[" + set.Name + "]: " + check.FileCount + " files" + against + ", IL rules: " + Describe(set.Rules) + ", " + count + " violation(s)");
                failures += count;
            }

            Console.WriteLine(failures == 0
                ? "nanoFramework gate: passed (mscorlib " + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(SourceSetCheck.Mscorlib))) + ")"
                : "nanoFramework gate: " + failures + " violation(s)");
            return failures == 0 ? 0 : 1;
        }

        private static int CheckPackages(string root)
        {
            PackageSetCheck check = PackageSetCheck.Run(root);
            foreach (string problem in check.Problems)
            {
                Console.WriteLine("gate[packages]: " + problem);
            }

            Console.WriteLine("gate[packages]: " + check.ApplicationPins.Count + " packages pinned for the device, "
                + check.Projects.Count + " projects and " + PackageSetCheck.DeclarationsFolder + " compared, " + check.Problems.Count + " problem(s)");
            return check.Problems.Count == 0 ? 0 : 1;
        }

        private static string Describe(IlRules rules)
        {
            return rules == IlRules.All ? "primitive-equals, box, steady-state-alloc" : "primitive-equals";
        }
    }
}
