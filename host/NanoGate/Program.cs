using System;
using System.IO;
using System.Linq;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// nanoFramework compatibility gate. Each argument names a set of sources that must build for the device:
    ///   --rules all core=SensorNode/Core  --rules equals tests=SensorNode/Core;host/NanoTestFramework/Api;SensorNode.Tests
    /// Every set is compiled against nanoFramework's mscorlib.dll alone, checked for language features the 1.x
    /// runtime cannot run, and its IL checked for what nanoCLR does differently from .NET ("--rules" before a set
    /// chooses which IL rules it gets; see docs/nanoframework.md). Exit code 1 and one line per violation
    /// (file, line, method or API, rule) when anything fails.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: NanoGate [--root DIR] [--rules equals|all] name=dir1;dir2 ...");
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

                string[] parts = args[i].Split('=', 2);
                string[] folders = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f => Path.Combine(root, f)).ToArray();
                string missing = folders.FirstOrDefault(f => !Directory.Exists(f));
                if (missing != null)
                {
                    Console.WriteLine("gate[" + parts[0] + "]: folder not found: " + missing);
                    failures++;
                    continue;
                }

                SourceSetCheck check = SourceSetCheck.OfFolders(folders, root, rules);
                foreach (string violation in check.Violations.Distinct())
                {
                    Console.WriteLine(violation);
                }

                foreach (string figure in check.Figures)
                {
                    Console.WriteLine("gate[" + parts[0] + "]: " + figure);
                }

                int count = check.Violations.Distinct().Count();
                Console.WriteLine("gate[" + parts[0] + "]: " + check.FileCount + " files, IL rules: " + Describe(rules) + ", " + count + " violation(s)");
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
