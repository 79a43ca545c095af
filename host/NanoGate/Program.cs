using System;
using System.IO;
using System.Linq;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// nanoFramework compatibility gate. Each argument names a set of sources that must build for the device:
    ///   --rules all core=SensorNode/Core  --rules equals --refs host/NanoTestFramework/Api tests=SensorNode/Core;SensorNode.Tests
    ///   --rules equals --refs host/NanoFrameworkRefs board=SensorNode/Core;SensorNode/Board;SensorNode/Program.cs
    /// A set lists folders and single .cs files. Every set is compiled against nanoFramework's mscorlib.dll (plus,
    /// after "--refs DIR", the declaration-only library APIs in DIR, compiled first into a reference assembly),
    /// checked for language features the 1.x runtime cannot run, and its IL checked for what nanoCLR does
    /// differently from .NET ("--rules" before a set chooses which IL rules it gets; see docs/nanoframework.md).
    /// "--rules" and "--refs" hold for the sets after them. Exit code 1 and one line per violation (file, line,
    /// method or API, rule) when anything fails.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: NanoGate [--root DIR] [--rules equals|all] [--refs DIR|none] name=dir1;dir2;file.cs ...");
                Console.Error.WriteLine("       NanoGate --assembly FILE [--libs DIR]... [--list]   (steady-state scan of a built firmware)");
                return 2;
            }

            if (!File.Exists(SourceSetCheck.Mscorlib))
            {
                Console.Error.WriteLine("nanoFramework mscorlib.dll not found at " + SourceSetCheck.Mscorlib + " (restore NanoGate first)");
                return 2;
            }

            if (args[0] == "--assembly")
            {
                return AssemblyScan.Run(args);
            }

            string root = Directory.GetCurrentDirectory();
            IlRules rules = IlRules.All;
            string refs = null;
            int failures = 0;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--root")
                {
                    root = Path.GetFullPath(args[++i]);
                    continue;
                }

                if (args[i] == "--rules")
                {
                    rules = Enum.Parse<IlRules>(args[++i], true);
                    continue;
                }

                if (args[i] == "--refs")
                {
                    refs = args[++i] == "none" ? null : args[i];
                    continue;
                }

                string[] parts = args[i].Split('=', 2);
                string[] paths = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f => Path.Combine(root, f)).ToArray();
                string refsFolder = refs == null ? null : Path.Combine(root, refs);
                string missing = paths.FirstOrDefault(f => !Directory.Exists(f) && !(File.Exists(f) && f.EndsWith(".cs", StringComparison.Ordinal)));
                if (missing == null && refsFolder != null && !Directory.Exists(refsFolder))
                {
                    missing = refsFolder;
                }

                if (missing != null)
                {
                    Console.WriteLine("gate[" + parts[0] + "]: folder or .cs file not found: " + missing);
                    failures++;
                    continue;
                }

                SourceSetCheck check = SourceSetCheck.OfFolders(paths, root, rules, refsFolder);
                foreach (string violation in check.Violations.Distinct())
                {
                    Console.WriteLine(violation);
                }

                foreach (string figure in check.Figures)
                {
                    Console.WriteLine("gate[" + parts[0] + "]: " + figure);
                }

                int count = check.Violations.Distinct().Count();
                string against = check.ReferenceFileCount == 0 ? "" : " (+ " + check.ReferenceFileCount + " reference declaration files in " + refs + ")";
                Console.WriteLine("gate[" + parts[0] + "]: " + check.FileCount + " files" + against + ", IL rules: " + Describe(rules) + ", " + count + " violation(s)");
                failures += count;
            }

            Console.WriteLine(failures == 0
                ? "nanoFramework gate: passed (mscorlib " + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(SourceSetCheck.Mscorlib))) + ")"
                : "nanoFramework gate: " + failures + " violation(s)");
            return failures == 0 ? 0 : 1;
        }

        private static string Describe(IlRules rules)
        {
            return rules == IlRules.All ? "primitive-equals, box, steady-state-alloc" : "primitive-equals";
        }
    }
}
