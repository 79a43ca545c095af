using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// Keeps the device build's package set in one piece. The versions live in four places that Visual Studio, the
    /// gate and nano-check each read on their own: SensorNode/packages.config, SensorNode.Tests/packages.config, the
    /// HintPaths of both .nfproj files, and the declaration headers in host/NanoFrameworkRefs (what the board gate
    /// compiles against). A bump in one place and not the others built here while it failed in Visual Studio
    /// (CS0012) and would not have loaded on the device, so every place must name the same versions.
    /// </summary>
    public sealed class PackageSetCheck
    {
        /// <summary>The application and the unit-test project, each beside its packages.config.</summary>
        public static readonly string[] Projects = { "SensorNode/SensorNode.nfproj", "SensorNode.Tests/SensorNode.Tests.nfproj" };

        public const string DeclarationsFolder = "host/NanoFrameworkRefs";

        /// <summary>The package id a declaration folder stands for is its name; its files must name the pinned version.</summary>
        private static readonly Regex HintPath = new Regex(@"packages[\\/](?<folder>[^\\/]+)[\\/]lib[\\/]", RegexOptions.Compiled);

        private readonly List<string> _problems = new List<string>();

        public IReadOnlyList<string> Problems => _problems;

        /// <summary>Pins of the application's packages.config: what the declarations must match.</summary>
        public IReadOnlyDictionary<string, string> ApplicationPins { get; private set; } = new Dictionary<string, string>();

        public static PackageSetCheck Run(string root)
        {
            var check = new PackageSetCheck();
            var pinsByProject = new Dictionary<string, Dictionary<string, string>>();
            foreach (string project in Projects)
            {
                pinsByProject[project] = check.CheckProject(root, project);
            }

            check.ApplicationPins = pinsByProject[Projects[0]];
            check.CheckSharedPins(pinsByProject);
            check.CheckDeclarations(root, check.ApplicationPins);
            return check;
        }

        /// <summary>Every HintPath points into a package the project's packages.config pins, at that version, and
        /// every pinned package is referenced.</summary>
        private Dictionary<string, string> CheckProject(string root, string project)
        {
            string projectFile = Path.Combine(root, project);
            string configFile = Path.Combine(Path.GetDirectoryName(projectFile), "packages.config");
            if (!File.Exists(projectFile) || !File.Exists(configFile))
            {
                _problems.Add(project + ": the project or its packages.config is missing");
                return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            Dictionary<string, string> pins = ReadPins(configFile, project);
            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string hint in XDocument.Load(projectFile).Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value.Trim()))
            {
                Match folder = HintPath.Match(hint);
                if (!folder.Success)
                {
                    _problems.Add(project + ": HintPath " + hint + " does not point into packages\\<id>.<version>\\lib\\");
                    continue;
                }

                string match = pins.Keys.FirstOrDefault(id => string.Equals(folder.Groups["folder"].Value, id + "." + pins[id], StringComparison.OrdinalIgnoreCase));
                if (match == null)
                {
                    _problems.Add(project + ": HintPath " + hint + " names a package version that packages.config does not pin (" + Describe(folder.Groups["folder"].Value, pins) + ")");
                    continue;
                }

                referenced.Add(match);
            }

            foreach (string id in pins.Keys.Where(id => !referenced.Contains(id)))
            {
                _problems.Add(project + ": packages.config pins " + id + " " + pins[id] + " but no HintPath references it");
            }

            return pins;
        }

        /// <summary>A package both projects use (CoreLibrary) must be the same build in both: they load into one runtime.</summary>
        private void CheckSharedPins(Dictionary<string, Dictionary<string, string>> pinsByProject)
        {
            foreach (string id in pinsByProject.Values.SelectMany(p => p.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                string[] versions = pinsByProject.Values.Where(p => p.ContainsKey(id)).Select(p => p[id]).Distinct().ToArray();
                if (versions.Length > 1)
                {
                    _problems.Add(id + " is pinned at " + string.Join(" and ", versions) + " in different packages.config files");
                }
            }
        }

        /// <summary>Each declaration folder is a pinned package, and each of its files says in its header that it
        /// was copied from the source of the pinned version.</summary>
        private void CheckDeclarations(string root, IReadOnlyDictionary<string, string> pins)
        {
            string folder = Path.Combine(root, DeclarationsFolder);
            if (!Directory.Exists(folder))
            {
                _problems.Add(DeclarationsFolder + " is missing");
                return;
            }

            foreach (string packageFolder in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
            {
                string id = Path.GetFileName(packageFolder);
                if (!pins.TryGetValue(id, out string version))
                {
                    _problems.Add(DeclarationsFolder + "/" + id + ": declares a package that SensorNode/packages.config does not pin");
                    continue;
                }

                foreach (string file in Directory.GetFiles(packageFolder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
                {
                    string header = string.Join("\n", File.ReadLines(file).Take(3));
                    if (!Regex.IsMatch(header, @"(?<![\d.])" + Regex.Escape(version) + @"(?![\d])"))
                    {
                        _problems.Add(DeclarationsFolder + "/" + id + "/" + Path.GetFileName(file) + ": its header does not name the pinned version " + version);
                    }
                }
            }
        }

        private Dictionary<string, string> ReadPins(string configFile, string project)
        {
            var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (XElement package in XDocument.Load(configFile).Descendants("package"))
            {
                string id = (string)package.Attribute("id");
                string version = (string)package.Attribute("version");
                if (pins.ContainsKey(id))
                {
                    _problems.Add(project + ": packages.config pins " + id + " twice");
                }

                pins[id] = version;
            }

            return pins;
        }

        private static string Describe(string folder, Dictionary<string, string> pins)
        {
            string id = pins.Keys.FirstOrDefault(k => folder.StartsWith(k + ".", StringComparison.OrdinalIgnoreCase));
            return id == null ? "no such package" : "pinned: " + id + " " + pins[id];
        }
    }
}
