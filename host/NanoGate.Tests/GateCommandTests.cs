using System.Collections.Generic;
using System.IO;
using System.Linq;
using SensorNode.CommandLine;
using SensorNode.NanoGate;
using Xunit;

namespace SensorNode.NanoGate.Tests
{
    /// <summary>
    /// The gate's command line: host/test.sh's sets as it writes them, --root, --rules and --refs holding for the sets
    /// after them, the --assembly form, and the command lines it refuses (exit code 2, before anything is compiled).
    /// </summary>
    public class GateCommandTests
    {
        [Fact]
        public void The_sets_of_test_sh_get_their_rules_and_refs()
        {
            string here = Directory.GetCurrentDirectory();

            SourceSetRequest core = Sets("--rules", "all", "core=SensorNode.Core").Single();
            SourceSetRequest tests = Sets("--rules", "equals", "--refs", "SensorNode.Core;SensorNode.Tests/TestKit;host/NanoTestFramework/Api", "tests-soak=SensorNode.Tests/Soak").Single();
            SourceSetRequest board = Sets("--rules", "equals", "--refs", "SensorNode.Core;host/NanoFrameworkRefs", "board=SensorNode/Board;SensorNode/Program.cs").Single();

            Assert.Equal(("core", IlRules.All, (string)null), (core.Name, core.Rules, core.Refs));
            Assert.Equal(new[] { Path.Combine(here, "SensorNode.Core") }, core.Paths);
            Assert.Null(core.RefsFolders);
            Assert.Equal(("tests-soak", IlRules.Equals), (tests.Name, tests.Rules));
            Assert.Equal(new[] { "SensorNode.Core", "SensorNode.Tests/TestKit", "host/NanoTestFramework/Api" }.Select(p => Path.Combine(here, p)), tests.RefsFolders);
            Assert.Equal(new[] { "SensorNode/Board", "SensorNode/Program.cs" }.Select(p => Path.Combine(here, p)), board.Paths);
            Assert.Equal((IlRules.Equals, "SensorNode.Core;host/NanoFrameworkRefs"), (board.Rules, board.Refs));
        }

        [Fact]
        public void Root_rules_and_refs_hold_for_the_sets_after_them()
        {
            SourceSetRequest[] sets = Sets(
                "a=A", "--rules", "equals", "b=B", "--refs", "R", "--root", "/src", "c=C", "--rules", "ALL", "--refs", "none", "d=D").ToArray();

            Assert.Equal(new[] { "a", "b", "c", "d" }, sets.Select(s => s.Name));
            Assert.Equal(new[] { IlRules.All, IlRules.Equals, IlRules.Equals, IlRules.All }, sets.Select(s => s.Rules));
            Assert.Equal(new[] { null, null, "R", null }, sets.Select(s => s.Refs));
            Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "B"), sets[1].Paths.Single());
            Assert.Equal(new[] { "/src/C" }, sets[2].Paths);
            Assert.Equal(new[] { "/src/R" }, sets[2].RefsFolders);
        }

        [Fact]
        public void The_assembly_form_takes_its_library_folders_and_list()
        {
            AssemblyScanRequest scan = null;
            GateCommand command = new GateCommand(_ => 1, request =>
            {
                scan = request;
                return 0;
            }, _ => 1);

            int exitCode = CommandLineProgram.Run(command, new[] { "--assembly", "fw.exe", "--libs", "/a", "--libs", "/b", "--list" }, (_, _) => 2);

            Assert.Equal(0, exitCode);
            Assert.Equal("fw.exe", scan.Firmware);
            Assert.Equal(new[] { "/a", "/b" }, scan.LibraryFolders);
            Assert.True(scan.ListFindings);
        }

        [Fact]
        public void The_packages_form_checks_the_package_set_under_its_root()
        {
            string root = null;
            GateCommand command = new GateCommand(_ => 1, _ => 1, r =>
            {
                root = r;
                return 0;
            });

            int exitCode = CommandLineProgram.Run(command, new[] { "packages", "--root", "/src" }, (_, errors) =>
            {
                Assert.Fail("refused: " + string.Join("\n", errors));
                return CommandLineProgram.UsageError;
            });

            Assert.Equal(0, exitCode);
            Assert.Equal("/src", root);
        }

        [Theory]
        [InlineData("no source set (NAME=DIR;DIR;FILE.cs) and no --assembly: nothing to check")]
        [InlineData("--rules takes equals or all, not 'some'", "--rules", "some", "core=SensorNode.Core")]
        [InlineData("--rules takes equals or all, not '1'", "--rules", "1", "core=SensorNode.Core")]
        [InlineData("a source set is NAME=DIR;DIR;FILE.cs, not 'core'", "core")]
        [InlineData("a source set is NAME=DIR;DIR;FILE.cs, not '=SensorNode.Core'", "=SensorNode.Core")]
        [InlineData("a source set is NAME=DIR;DIR;FILE.cs, not 'core=;'", "core=;")]
        [InlineData("--refs needs a value", "core=SensorNode.Core", "--refs")]
        [InlineData("--assembly scans a built firmware: it takes no source sets, --root, --rules or --refs", "--assembly", "fw.exe", "core=SensorNode.Core")]
        [InlineData("--libs and --list go with --assembly", "--list", "core=SensorNode.Core")]
        public void A_command_line_it_cannot_use_is_refused_before_anything_runs(string expected, params string[] args)
        {
            IReadOnlyList<string> refused = null;
            bool ran = false;
            GateCommand command = new GateCommand(_ => { ran = true; return 0; }, _ => { ran = true; return 0; }, _ => { ran = true; return 0; });

            int exitCode = CommandLineProgram.Run(command, args, (_, errors) =>
            {
                refused = errors;
                return CommandLineProgram.UsageError;
            });

            Assert.Equal(2, exitCode);
            Assert.False(ran);
            Assert.Contains(expected, refused);
        }

        private static IReadOnlyList<SourceSetRequest> Sets(params string[] args)
        {
            IReadOnlyList<SourceSetRequest> sets = null;
            GateCommand command = new GateCommand(requests =>
            {
                sets = requests;
                return 0;
            }, _ => 1, _ => 1);

            int exitCode = CommandLineProgram.Run(command, args, (_, errors) =>
            {
                Assert.Fail("refused: " + string.Join("\n", errors));
                return CommandLineProgram.UsageError;
            });

            Assert.Equal(0, exitCode);
            return sets;
        }
    }
}
