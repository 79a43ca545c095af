using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SensorNode.NanoGate.Il;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// The steady-state walk over a firmware assembly built for the device (by nano-check, with its portable PDBs)
    /// and the libraries it runs with: from the core's [SteadyState] roots into the board adapters, the bindings,
    /// M2Mqtt and mscorlib, counting allocation sites per part. CI cannot build the board layer; this is for
    /// measuring the device path in a session (docs/performance.md).
    /// </summary>
    public static class AssemblyScan
    {
        public static int Run(AssemblyScanRequest request)
        {
            string firmware = request.Firmware;
            bool list = request.ListFindings;
            List<string> libs = request.LibraryFolders
                .SelectMany(folder => Directory.GetFiles(folder).Where(f => f.EndsWith(".dll") || f.EndsWith(".exe")))
                .ToList();
            List<string> paths = new List<string> { firmware };
            paths.AddRange(libs.Where(l => Path.GetFileName(l) != Path.GetFileName(firmware)));
            List<IlAssembly> assemblies = new List<IlAssembly>();
            foreach (string path in paths)
            {
                string pdb = Path.ChangeExtension(path, ".pdb");
                assemblies.Add(new IlAssembly(
                    new MemoryStream(File.ReadAllBytes(path)),
                    File.Exists(pdb) ? new MemoryStream(File.ReadAllBytes(pdb)) : null,
                    paths));
            }

            SteadyStateRule steady = SteadyStateRule.Check(new IlProgram(assemblies));
            Console.WriteLine(steady.Summary());
            foreach (string part in steady.SummaryByPart())
            {
                Console.WriteLine("  " + part);
            }

            Console.WriteLine("  runtime (native) methods reached, their allocations not seen here: "
                + string.Join(", ", steady.NativesReached.Select(m => m.FullName).OrderBy(n => n, StringComparer.Ordinal)));
            if (list)
            {
                foreach (IlFinding finding in steady.Findings)
                {
                    Console.WriteLine(finding);
                }
            }

            foreach (IlAssembly assembly in assemblies)
            {
                assembly.Dispose();
            }

            return 0;
        }
    }
}
