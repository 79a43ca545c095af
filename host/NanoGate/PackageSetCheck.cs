using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// Keeps the device build's package set in one piece. The versions live in places that Visual Studio, the gate
    /// and nano-check each read on their own: the packages.config beside every .nfproj (the application, SensorNode.Core,
    /// the test kit and each test project), the HintPaths of every .nfproj, and the declaration headers in
    /// host/NanoFrameworkRefs (what the board gate compiles against). A bump in one place and not the others built here
    /// while it failed in Visual Studio (CS0012) and would not have loaded on the device, so every place must name the
    /// same versions. Every ProjectReference must name a .nfproj that exists, or Visual Studio's build stops there.
    /// </summary>
    public sealed class PackageSetCheck
    {
        /// <summary>The application, whose pins the declarations must match; always the first project.</summary>
        public const string Application = "SensorNode/SensorNode.nfproj";

        /// <summary>Every .nfproj of the repository (outside build output and host/), each beside its packages.config,
        /// as repository-relative paths with '/', the application first.</summary>
        public static string[] FindProjects(string root)
        {
            IEnumerable<string> others = Directory.GetFiles(root, "*.nfproj", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => f != Application && !f.StartsWith("host/", StringComparison.Ordinal) && !f.StartsWith(".", StringComparison.Ordinal)
                    && !f.Split('/').Any(part => part == "bin" || part == "obj" || part == "packages"))
                .OrderBy(f => f, StringComparer.Ordinal);
            return new[] { Application }.Concat(others).ToArray();
        }

        public const string DeclarationsFolder = "host/NanoFrameworkRefs";

        /// <summary>The package id a declaration folder stands for is its name; its files must name the pinned version.</summary>
        private static readonly Regex HintPath = new Regex(@"packages[\\/](?<folder>[^\\/]+)[\\/]lib[\\/]", RegexOptions.Compiled);

        private readonly List<string> _problems = new List<string>();

        public IReadOnlyList<string> Problems => _problems;

        /// <summary>The projects compared (<see cref="FindProjects"/>).</summary>
        public IReadOnlyList<string> Projects { get; private set; } = Array.Empty<string>();

        /// <summary>Pins of the application's packages.config: what the declarations must match.</summary>
        public IReadOnlyDictionary<string, string> ApplicationPins { get; private set; } = new Dictionary<string, string>();

        public static PackageSetCheck Run(string root)
        {
            var check = new PackageSetCheck();
            var pinsByProject = new Dictionary<string, Dictionary<string, string>>();
            check.Projects = FindProjects(root);
            foreach (string project in check.Projects)
            {
                pinsByProject[project] = check.CheckProject(root, project);
            }

            check.ApplicationPins = pinsByProject[Application];
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
            XDocument document = XDocument.Load(projectFile);
            foreach (string reference in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => (string)e.Attribute("Include")))
            {
                string target = Path.Combine(Path.GetDirectoryName(projectFile), (reference ?? "").Replace('\\', '/'));
                if (!File.Exists(target))
                {
                    _problems.Add(project + ": ProjectReference " + reference + " names no project");
                }
            }

            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string hint in document.Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value.Trim()))
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

        /// <summary>A package several projects use (CoreLibrary) must be the same build in all: they load into one runtime.</summary>
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
