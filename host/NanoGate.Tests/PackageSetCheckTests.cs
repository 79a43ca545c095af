using System;
using System.IO;
using System.Linq;
using SensorNode.NanoGate;
using Xunit;

namespace SensorNode.NanoGate.Tests
{
    /// <summary>The package-set check on the repository as it is, and on copies of its files with one place drifted.</summary>
    public sealed class PackageSetCheckTests : IDisposable
    {
        private static readonly string Repo = FindRepo();
        private readonly string _copy = Path.Combine(Path.GetTempPath(), "pkgset-" + Guid.NewGuid().ToString("N"));

        public PackageSetCheckTests()
        {
            foreach (string project in PackageSetCheck.FindProjects(Repo))
            {
                string dir = Path.GetDirectoryName(project);
                Directory.CreateDirectory(Path.Combine(_copy, dir));
                File.Copy(Path.Combine(Repo, project), Path.Combine(_copy, project));
                File.Copy(Path.Combine(Repo, dir, "packages.config"), Path.Combine(_copy, dir, "packages.config"));
            }

            foreach (string file in Directory.GetFiles(Path.Combine(Repo, PackageSetCheck.DeclarationsFolder), "*.cs", SearchOption.AllDirectories))
            {
                string target = Path.Combine(_copy, Path.GetRelativePath(Repo, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                File.Copy(file, target);
            }
        }

        public void Dispose() => Directory.Delete(_copy, true);

        [Fact]
        public void The_repository_set_is_consistent()
        {
            PackageSetCheck check = PackageSetCheck.Run(Repo);

            Assert.Empty(check.Problems);
            Assert.Equal("1.2.931", check.ApplicationPins["nanoFramework.Iot.Device.Bmxx80"]);
        }

        [Fact]
        public void A_version_bumped_in_packages_config_only_is_found_in_the_HintPath()
        {
            Replace("SensorNode/packages.config", "Bmxx80\" version=\"1.2.931\"", "Bmxx80\" version=\"1.2.1016\"");

            string[] problems = PackageSetCheck.Run(_copy).Problems.ToArray();

            Assert.Contains(problems, p => p.Contains("nanoFramework.Iot.Device.Bmxx80.1.2.931") && p.Contains("pinned: nanoFramework.Iot.Device.Bmxx80 1.2.1016"));
            Assert.Contains(problems, p => p.Contains("pins nanoFramework.Iot.Device.Bmxx80 1.2.1016 but no HintPath references it"));
        }

        [Fact]
        public void A_pinned_package_that_no_HintPath_references_is_found()
        {
            Replace("SensorNode/packages.config", "</packages>", "  <package id=\"nanoFramework.System.Device.Adc\" version=\"1.1.24\" targetFramework=\"netnano1.0\" />\n</packages>");

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p == "SensorNode/SensorNode.nfproj: packages.config pins nanoFramework.System.Device.Adc 1.1.24 but no HintPath references it");
        }

        [Fact]
        public void Every_project_must_share_one_CoreLibrary()
        {
            Replace("SensorNode.Tests/Soak/packages.config", "CoreLibrary\" version=\"1.17.11\"", "CoreLibrary\" version=\"1.17.7\"");
            Replace("SensorNode.Tests/Soak/SensorNode.Tests.Soak.nfproj", "CoreLibrary.1.17.11", "CoreLibrary.1.17.7");

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p == "nanoFramework.CoreLibrary is pinned at 1.17.11 and 1.17.7 in different packages.config files");
        }

        [Fact]
        public void Every_nfproj_is_compared_the_application_first()
        {
            string[] projects = PackageSetCheck.Run(Repo).Projects.ToArray();

            Assert.Equal(PackageSetCheck.Application, projects[0]);
            Assert.Contains("SensorNode.Core/SensorNode.Core.nfproj", projects);
            Assert.Contains("SensorNode.Tests/TestKit/SensorNode.TestKit.nfproj", projects);
            Assert.Contains("SensorNode.Tests/Soak/SensorNode.Tests.Soak.nfproj", projects);
        }

        [Fact]
        public void A_new_project_is_compared_without_being_named_anywhere()
        {
            Directory.CreateDirectory(Path.Combine(_copy, "SensorNode.Tests/Extra"));
            File.Copy(Path.Combine(_copy, "SensorNode.Tests/Soak/SensorNode.Tests.Soak.nfproj"), Path.Combine(_copy, "SensorNode.Tests/Extra/SensorNode.Tests.Extra.nfproj"));
            File.Copy(Path.Combine(_copy, "SensorNode.Tests/Soak/packages.config"), Path.Combine(_copy, "SensorNode.Tests/Extra/packages.config"));
            Replace("SensorNode.Tests/Extra/packages.config", "TestFramework\" version=\"3.0.80\"", "TestFramework\" version=\"3.0.77\"");

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p.StartsWith("SensorNode.Tests/Extra/SensorNode.Tests.Extra.nfproj: HintPath", StringComparison.Ordinal) && p.Contains("TestFramework.3.0.80"));
        }

        [Fact]
        public void A_ProjectReference_to_a_missing_project_is_found()
        {
            Replace("SensorNode/SensorNode.nfproj", "..\\SensorNode.Core\\SensorNode.Core.nfproj", "..\\Core\\SensorNode.Core.nfproj");

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p == "SensorNode/SensorNode.nfproj: ProjectReference ..\\Core\\SensorNode.Core.nfproj names no project");
        }

        [Fact]
        public void A_declaration_copied_from_another_version_is_found()
        {
            string file = PackageSetCheck.DeclarationsFolder + "/nanoFramework.M2Mqtt/MqttClient.cs";
            Replace(file, "v5.1.220", "v5.1.218");

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p == PackageSetCheck.DeclarationsFolder + "/nanoFramework.M2Mqtt/MqttClient.cs: its header does not name the pinned version 5.1.220");
        }

        [Fact]
        public void A_declaration_folder_for_an_unpinned_package_is_found()
        {
            Directory.CreateDirectory(Path.Combine(_copy, PackageSetCheck.DeclarationsFolder, "nanoFramework.Iot.Device.Sht3x"));

            Assert.Contains(PackageSetCheck.Run(_copy).Problems, p => p.EndsWith("nanoFramework.Iot.Device.Sht3x: declares a package that SensorNode/packages.config does not pin", StringComparison.Ordinal));
        }

        private void Replace(string relative, string from, string to)
        {
            string path = Path.Combine(_copy, relative);
            string text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to));
        }

        private static string FindRepo()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "SensorNode.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("SensorNode.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
